using System.Net;
using System.Net.Http.Headers;
using PatientAccess.AuthServer.Clients;

namespace PatientAccess.AuthServer.Tests.Integration.Admin;

[Collection(AuthTestGroup.Name)]
public sealed class AdminTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Suspend_Client_EveryCodeAndTokenDiesAtEveryEndpointThenReinstateWorksForNewOnes(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var app = new SmartApp(host);
        var tokens = await app.LaunchAsync();
        var unusedCode = await app.CodeAsync();
        var pendingRequest = await app.StartAsync();

        using var suspend = await host.Admin().PostAsync(new Uri($"/admin/clients/{app.ClientId}/suspend", UriKind.Relative), SmartApp.Reason(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        Assert.Equal("suspended", (string)(await SmartApp.JsonAsync(suspend))["status"]!);

        using var authorize = await app.AuthorizeAsync(app.AuthorizeParameters());
        Assert.Equal(HttpStatusCode.Forbidden, authorize.StatusCode);
        Assert.Null(authorize.Headers.Location);
        using var exchange = await app.ExchangeAsync(unusedCode);
        Assert.Equal(HttpStatusCode.Unauthorized, exchange.StatusCode);
        using var refresh = await app.RefreshAsync((string)tokens["refresh_token"]!);
        Assert.Equal("invalid_client", (string)(await SmartApp.JsonAsync(refresh))["error"]!);
        using var introspect = await host.Browser().SendAsync(ResourceServerIntrospection((string)tokens["access_token"]!), TestContext.Current.CancellationToken);
        Assert.False((bool)(await SmartApp.JsonAsync(introspect))["active"]!);
        using var revoke = await app.PostAsync("/oauth2/revoke", new() { ["token"] = (string)tokens["access_token"]! });
        Assert.Equal(HttpStatusCode.Unauthorized, revoke.StatusCode);
        using var userinfo = await UserInfoAsync(host, (string)tokens["access_token"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, userinfo.StatusCode);
        var approval = await host.Service<PatientAccess.AuthServer.Authorize.IAuthorizationCompletion>().ApproveAsync(
            new(pendingRequest, "member-1", "pat-1", []), TestContext.Current.CancellationToken);
        Assert.Null(approval.RedirectUri);

        using var reinstate = await host.Admin().PostAsync(new Uri($"/admin/clients/{app.ClientId}/reinstate", UriKind.Relative), SmartApp.Reason(), TestContext.Current.CancellationToken);
        // Back to what it was before the suspension: the demo apps are approved production apps.
        Assert.Equal("production", (string)(await SmartApp.JsonAsync(reinstate))["status"]!);
        using var oldRefresh = await app.RefreshAsync((string)tokens["refresh_token"]!);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(oldRefresh))["error"]!);
        using var oldIntrospect = await host.Browser().SendAsync(ResourceServerIntrospection((string)tokens["access_token"]!), TestContext.Current.CancellationToken);
        Assert.False((bool)(await SmartApp.JsonAsync(oldIntrospect))["active"]!);

        // New tokens right after the reinstatement work, even within the second of the suspension
        // (the reinstatement waits that second out; the revocation covers it whole).
        var fresh = await app.LaunchAsync();
        using var freshIntrospect = await host.Browser().SendAsync(ResourceServerIntrospection((string)fresh["access_token"]!), TestContext.Current.CancellationToken);
        Assert.True((bool)(await SmartApp.JsonAsync(freshIntrospect))["active"]!);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Revoke_Client_CannotBeReinstated(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var clientId = host.Demo().PublicId;
        using var revoke = await host.Admin().PostAsync(new Uri($"/admin/clients/{clientId}/revoke", UriKind.Relative), SmartApp.Reason(), TestContext.Current.CancellationToken);
        Assert.Equal("revoked", (string)(await SmartApp.JsonAsync(revoke))["status"]!);
        using var reinstate = await host.Admin().PostAsync(new Uri($"/admin/clients/{clientId}/reinstate", UriKind.Relative), SmartApp.Reason(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, reinstate.StatusCode);
        Assert.Equal(ClientStatus.Revoked, (await host.Service<ClientRegistry>().FindAsync(clientId, TestContext.Current.CancellationToken))!.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("app-token")]
    public async Task AdminApi_WithoutAdminKey_401(string? key)
    {
        var host = backends[AuthBackends.Sqlite];
        var client = host.Browser();
        if (key == "app-token")
        {
            key = (string)(await new SmartApp(host).LaunchAsync())["access_token"]!;
        }

        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await client.PostAsync(new Uri("/admin/clients/demo-public-app/suspend", UriKind.Relative), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_token", (string)(await SmartApp.JsonAsync(response))["error"]!);
        Assert.True((await host.Service<ClientRegistry>().FindAsync("demo-public-app", TestContext.Current.CancellationToken))!.IsActive);
    }

    [Theory]
    [InlineData("/admin/clients/nobody/suspend")]
    [InlineData("/admin/grants/nobody/revoke")]
    public async Task AdminApi_UnknownTarget_404(string path)
    {
        using var response = await backends[AuthBackends.Sqlite].Admin().PostAsync(new Uri(path, UriKind.Relative), SmartApp.Reason(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    internal static HttpRequestMessage ResourceServerIntrospection(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/introspect", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }),
        };
        request.Headers.Authorization = SmartApp.Basic(AuthServerHost.ResourceServerId, AuthServerHost.ResourceServerSecret);
        return request;
    }

    internal static async Task<HttpResponseMessage> UserInfoAsync(AuthServerHost host, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/oauth2/userinfo", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Browser().SendAsync(request);
    }
}
