using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Tests.Integration.Production;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Enforcement;

/// <summary>
/// Who may enforce: the admin key only. An app's token, its client secret, the gateways' feed key
/// and the staff key are all refused and change nothing; bad bodies get a specific invalid_request.
/// </summary>
[Collection(AuthTestGroup.Name)]
public sealed class EnforcementAbuseTests(AuthBackends backends)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Enforcement_AnyCredentialButTheAdminKey_RefusedAndNothingHappens(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings(new Dictionary<string, string?>
        {
            ["Admin:RevocationFeedKeyHashes:0"] = TestKeys.RevocationFeedHash,
            ["Enforcement:PlanContacts:0"] = "security@plan.example",
        }));
        await EnforcementMembers.WithGrantsAsync(host, "en", grants: 1, "pat-abuse");
        var app = new SmartApp(host);
        var tokens = await app.LaunchAsync();
        var credentials = new (string Name, AuthenticationHeaderValue? Header, HttpStatusCode Expected)[]
        {
            ("none", null, HttpStatusCode.Unauthorized),
            ("app access token", new("Bearer", (string)tokens["access_token"]!), HttpStatusCode.Unauthorized),
            ("app refresh token", new("Bearer", (string)tokens["refresh_token"]!), HttpStatusCode.Unauthorized),
            ("client secret as bearer", new("Bearer", app.Secret), HttpStatusCode.Unauthorized),
            ("client credentials", SmartApp.Basic(app.ClientId, app.Secret), HttpStatusCode.Unauthorized),
            ("revocation feed key", new("Bearer", TestKeys.RevocationFeed), HttpStatusCode.Forbidden),
            ("staff key", new("Bearer", StaffKey.Value), HttpStatusCode.Unauthorized),
            ("admin key, wrong scheme", new("Basic", TestKeys.Operator), HttpStatusCode.Unauthorized),
        };
        foreach (var (name, header, expected) in credentials)
        {
            using var client = host.Browser();
            client.DefaultRequestHeaders.Authorization = header;
            using var response = await Enforce.SendAsync(client, app.ClientId, Enforce.Body("revoke"));
            Assert.True(response.StatusCode == expected, $"{name}: {(int)response.StatusCode}");
        }

        Assert.Equal(ClientStatus.Production, (await host.Service<ClientRegistry>().FindAsync(app.ClientId, Ct))!.Status);
        Assert.Empty(OutboxMail.All(host.DataDirectory));
        Assert.Equal(0, await EnforcementTests.FeedEntriesAsync(host, app.ClientId));
    }

    [Theory]
    [InlineData("text", "send the action as application/json")]
    [InlineData("[]", "JSON object")]
    [InlineData("{", "not JSON")]
    [InlineData("action_id=", "action_id")]
    [InlineData("action_id=not-a-uuid", "action_id")]
    [InlineData("action_id=#1", "action_id")]
    [InlineData("action=delete", "action must be")]
    [InlineData("action=#1", "action must be")]
    [InlineData("actor=", "actor")]
    [InlineData("actor=staff:", "actor")]
    [InlineData("actor=robot", "actor")]
    [InlineData("reason=", "reason")]
    [InlineData("reason=#long", "reason")]
    [InlineData("detector=made-up", "detector")]
    [InlineData("evidence=#long", "evidence")]
    public async Task Enforcement_BadBody_400InvalidRequestSayingWhat(string change, string expected)
    {
        var host = backends[AuthBackends.Sqlite];
        var clientId = host.Demo().PublicId;
        HttpContent content;
        if (change == "text")
        {
            content = new StringContent(Enforce.Body("suspend").ToJsonString(), Encoding.UTF8, "text/plain");
        }
        else if (change is "[]" or "{")
        {
            content = new StringContent(change, Encoding.UTF8, "application/json");
        }
        else
        {
            var body = Enforce.Body("suspend");
            var (field, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            body[field] = value switch
            {
                "#1" => 1,
                "#long" => new string('x', 4001),
                _ => value,
            };
            content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await host.Admin().PostAsync(new Uri($"/admin/clients/{clientId}/enforcement", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SmartApp.JsonAsync(response);
        Assert.Equal("invalid_request", (string)error["error"]!);
        Assert.Contains(expected, (string)error["error_description"]!, StringComparison.Ordinal);
        Assert.True((await host.Service<ClientRegistry>().FindAsync(clientId, Ct))!.IsActive);
    }

    [Fact]
    public async Task Enforcement_UnknownClient_404()
    {
        using var response = await Enforce.SendAsync(backends[AuthBackends.Sqlite].Admin(), "no-such-app", Enforce.Body("suspend"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("invalid_request", (string)(await SmartApp.JsonAsync(response))["error"]!);
    }

    [Fact]
    public async Task Enforcement_SameActionIdForAnotherClient_409AndTheOtherUntouched()
    {
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite);
        var demo = host.Demo();
        var body = Enforce.Body("suspend");
        await Enforce.OkAsync(host, demo.PublicId, body);

        using var response = await Enforce.SendAsync(host.Admin(), demo.ConfidentialId, body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True((await host.Service<ClientRegistry>().FindAsync(demo.ConfidentialId, Ct))!.IsActive);
    }
}
