using System.Net;
using Microsoft.Extensions.Logging;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Tests.Integration.Admin;
using PatientAccess.AuthServer.Tests.Integration.Mail;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Audit;

/// <summary>
/// Issue 15, "what the authserver must record": every refusal leaves an audit event with its
/// reason and a log line, and neither carries a secret, code or token.
/// </summary>
[Collection(AuthTestGroup.Name)]
public sealed class RefusalAuditTests(AuthBackends backends)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Refusals_BlockedAppAndWrongSecret_EachAnAuditEventWithReasonAndALogLine(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var logs = LogCapture.On(host);
        var app = new SmartApp(host);
        var tokens = await app.LaunchAsync();
        var unusedCode = await app.CodeAsync();
        await using var stream = await AuditStream.OpenAsync(backends.Redis.ConnectionString);

        using (var wrong = await TokenWithSecretAsync(host, app.ClientId, "not-the-secret", (string)tokens["refresh_token"]!))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var suspend = await host.Admin().PostAsync(new Uri($"/admin/clients/{app.ClientId}/suspend", UriKind.Relative), SmartApp.Reason("investigating scraping"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        }

        using (var refresh = await app.RefreshAsync((string)tokens["refresh_token"]!))
        {
            Assert.Equal("invalid_client", (string)(await SmartApp.JsonAsync(refresh))["error"]!);
        }

        using (var exchange = await app.ExchangeAsync(unusedCode))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, exchange.StatusCode);
        }

        using (var authorize = await app.AuthorizeAsync(app.AuthorizeParameters()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, authorize.StatusCode);
        }

        var unknown = app.AuthorizeParameters();
        unknown["client_id"] = "no-such-app";
        using (var refused = await app.AuthorizeAsync(unknown))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using (var introspect = await host.Browser().SendAsync(WrongResourceServerSecret((string)tokens["access_token"]!), Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, introspect.StatusCode);
        }

        var wrongSecret = await stream.WaitForAsync(AuditEventTypes.ClientAuthenticationFailed, e => e["client_id"] == app.ClientId);
        Assert.Contains("wrong client secret", wrongSecret["detail"], StringComparison.Ordinal);
        var blocked = await stream.WaitForAsync(AuditEventTypes.ClientRefused, e => e["client_id"] == app.ClientId && e["detail"].Contains("/oauth2/token", StringComparison.Ordinal));
        Assert.Contains("suspended", blocked["detail"], StringComparison.Ordinal);
        Assert.Equal(2, (await stream.EventsAsync()).Count(e => e["type"] == AuditEventTypes.ClientRefused && e["client_id"] == app.ClientId));
        var authorizeBlocked = await stream.WaitForAsync(AuditEventTypes.AuthorizeRefused, e => e["client_id"] == app.ClientId);
        Assert.Contains("the client is suspended", authorizeBlocked["detail"], StringComparison.Ordinal);
        var authorizeUnknown = await stream.WaitForAsync(AuditEventTypes.AuthorizeRefused, e => e["client_id"] == "-");
        Assert.Contains("unknown client_id", authorizeUnknown["detail"], StringComparison.Ordinal);
        var resourceServer = await stream.WaitForAsync(AuditEventTypes.ClientAuthenticationFailed, e => e["client_id"] == "resource-server:" + AuthServerHost.ResourceServerId);
        Assert.Contains("wrong resource server secret", resourceServer["detail"], StringComparison.Ordinal);

        // The same refusals in the log, and no secret, code or token in either place.
        var warnings = logs.Entries.Where(l => l.Level == LogLevel.Warning && l.Message.StartsWith("Refused ", StringComparison.Ordinal)).Select(l => l.Message).ToList();
        Assert.Contains(warnings, m => m.Contains(AuditEventTypes.ClientAuthenticationFailed, StringComparison.Ordinal) && m.Contains("wrong client secret", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains(AuditEventTypes.ClientRefused, StringComparison.Ordinal) && m.Contains(app.ClientId, StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains(AuditEventTypes.AuthorizeRefused, StringComparison.Ordinal) && m.Contains("unknown client_id", StringComparison.Ordinal));
        var everything = string.Join("\n", logs.Entries.Select(l => l.Message))
            + string.Join("\n", (await stream.EventsAsync()).SelectMany(e => e.Values));
        foreach (var secret in new[] { app.Secret, "not-the-secret", unusedCode, (string)tokens["refresh_token"]!, (string)tokens["access_token"]!, TestKeys.Operator })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task RevokeOtherClientsToken_Refused_AuditedWithReason(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var confidential = new SmartApp(host);
        var tokens = await confidential.LaunchAsync();
        await using var stream = await AuditStream.OpenAsync(backends.Redis.ConnectionString);
        var other = new SmartApp(host, confidential: false);

        using var response = await other.PostAsync("/oauth2/revoke", new() { ["token"] = (string)tokens["refresh_token"]! });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = await stream.WaitForAsync(AuditEventTypes.RevocationRefused, e => e["client_id"] == other.ClientId);
        Assert.Contains("refresh token of another client", refused["detail"], StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> TokenWithSecretAsync(AuthServerHost host, string clientId, string secret, string refreshToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }),
        };
        request.Headers.Authorization = SmartApp.Basic(clientId, secret);
        return await host.Browser().SendAsync(request, Ct);
    }

    private static HttpRequestMessage WrongResourceServerSecret(string token)
    {
        var request = AdminTests.ResourceServerIntrospection(token);
        request.Headers.Authorization = SmartApp.Basic(AuthServerHost.ResourceServerId, "wrong");
        return request;
    }
}
