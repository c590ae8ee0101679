using System.Net;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Revocation;
using PatientAccess.AuthServer.Tests.Integration.Admin;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.AuthServer.Tests.Integration.Revocation;

[Collection(AuthTestGroup.Name)]
public sealed class RevocationTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Revoke_AccessToken_InactiveAndListedInFeed(string backend)
    {
        var host = backends[backend];
        var app = new SmartApp(host);
        var tokens = await app.LaunchAsync();
        using var feedBefore = await host.Admin().GetAsync(new Uri("/admin/revocations", UriKind.Relative), TestContext.Current.CancellationToken);
        var cursor = (long)(await SmartApp.JsonAsync(feedBefore))["cursor"]!;

        using var revoke = await app.PostAsync("/oauth2/revoke", new() { ["token"] = (string)tokens["access_token"]!, ["token_type_hint"] = "access_token" });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using var introspect = await host.Browser().SendAsync(AdminTests.ResourceServerIntrospection((string)tokens["access_token"]!), TestContext.Current.CancellationToken);
        Assert.False((bool)(await SmartApp.JsonAsync(introspect))["active"]!);

        using var feed = await host.Admin().GetAsync(new Uri($"/admin/revocations?after={cursor}", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await SmartApp.JsonAsync(feed);
        var entry = Assert.Single(body["revocations"]!.AsArray());
        Assert.Equal("token", (string)entry!["kind"]!);
        Assert.True((long)entry["sequence"]! > cursor);
        Assert.Equal((long)entry["sequence"]!, (long)body["cursor"]!);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Revoke_UnknownToken_200(string backend)
    {
        using var response = await new SmartApp(backends[backend]).PostAsync("/oauth2/revoke", new() { ["token"] = "ñ'; DROP TABLE revocations; --" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Revoke_AnotherClientsToken_RefusedAndStillActive()
    {
        var host = backends[AuthBackends.Sqlite];
        var tokens = await new SmartApp(host, confidential: false).LaunchAsync();
        using var response = await new SmartApp(host).PostAsync("/oauth2/revoke", new() { ["token"] = (string)tokens["refresh_token"]! });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var introspect = await host.Browser().SendAsync(AdminTests.ResourceServerIntrospection((string)tokens["refresh_token"]!), TestContext.Current.CancellationToken);
        Assert.True((bool)(await SmartApp.JsonAsync(introspect))["active"]!);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task MemberRevoke_Grant_KillsItsTokensAndPublishesOnRedis(string backend)
    {
        var host = backends[backend];
        using var redis = await ConnectionMultiplexer.ConnectAsync(backends.Redis.ConnectionString);
        var received = new List<string>();
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(RevocationList.Channel), (_, message) => { lock (received) { received.Add(message!); } });

        var member = "member-" + Guid.NewGuid().ToString("N");
        var app = new SmartApp(host) { Member = member };
        var tokens = await app.LaunchAsync();
        var grants = host.Service<IMemberGrants>();
        var grant = Assert.Single(await grants.ListAsync(member, TestContext.Current.CancellationToken));
        Assert.Equal(app.ClientId, grant.ClientId);
        Assert.True(await grants.RevokeAsync(member, grant.GrantId, TestContext.Current.CancellationToken));
        Assert.Empty(await grants.ListAsync(member, TestContext.Current.CancellationToken));
        Assert.False(await grants.RevokeAsync("someone-else", grant.GrantId, TestContext.Current.CancellationToken));

        using var refresh = await app.RefreshAsync((string)tokens["refresh_token"]!);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(refresh))["error"]!);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Snapshot(received).Any(m => m.Contains(grant.GrantId, StringComparison.Ordinal))), TimeSpan.FromSeconds(10)));
        var message = JsonNode.Parse(Snapshot(received).First(m => m.Contains(grant.GrantId, StringComparison.Ordinal)))!;
        Assert.Equal("grant", (string)message["kind"]!);
        Assert.True((long)message["sequence"]! > 0);
        Assert.True((long)message["time"]! > 0);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Feed_FromZero_SnapshotOfLiveEntriesInOrder(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var list = host.Service<RevocationList>();
        await list.RevokeAccessTokenAsync("jti-1", host.Clock.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds(), TestContext.Current.CancellationToken);
        await list.RevokeAccessTokenAsync("jti-2", host.Clock.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds(), TestContext.Current.CancellationToken);
        await list.RevokeClientAsync("some-client", TestContext.Current.CancellationToken);
        using var feed = await host.Admin().GetAsync(new Uri("/admin/revocations", UriKind.Relative), TestContext.Current.CancellationToken);
        var entries = (await SmartApp.JsonAsync(feed))["revocations"]!.AsArray();
        Assert.Equal(["jti-1", "jti-2", "some-client"], entries.Select(e => (string)e!["id"]!));
        Assert.Equal(entries.Select(e => (long)e!["sequence"]!).Order(), entries.Select(e => (long)e!["sequence"]!));

        host.Clock.Advance(TimeSpan.FromMinutes(20));
        using var later = await host.Admin().GetAsync(new Uri("/admin/revocations?after=0", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(["some-client"], (await SmartApp.JsonAsync(later))["revocations"]!.AsArray().Select(e => (string)e!["id"]!));

        using var bad = await host.Admin().GetAsync(new Uri("/admin/revocations?after=-1%27", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("invalid_request", (string)(await SmartApp.JsonAsync(bad))["error"]!);
    }

    private static List<string> Snapshot(List<string> received)
    {
        lock (received)
        {
            return [.. received];
        }
    }
}
