using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Clients;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Admin;

/// <summary><c>GET /admin/clients</c>: every app with status, type, created and last-used times; paged; filtered by status; admin key only.</summary>
[Collection(AuthTestGroup.Name)]
public sealed class AdminClientListTests(AuthBackends backends)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task List_PagedAndFiltered_ShowsStatusTypeAndLastUse(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var registry = host.Service<ClientRegistry>();
        for (var i = 0; i < 4; i++)
        {
            await registry.RegisterAsync(new ClientRegistration($"listed-{i}", $"Listed {i}", ClientType.Public, ClientStatus.Sandbox, ["https://app.example/cb"], ["patient/*.read"]), Ct);
        }

        var all = await PageAsync(host, "/admin/clients?limit=500");
        Assert.Null((string?)all["next"]);
        var rows = all["clients"]!.AsArray().Select(n => n!.AsObject()).ToList();
        var app = new SmartApp(host);
        var row = rows.Single(r => (string)r["client_id"]! == app.ClientId);
        Assert.Equal("production", (string)row["status"]!);
        Assert.Equal("confidential", (string)row["type"]!);
        Assert.True(DateTimeOffset.TryParse((string)row["created_at"]!, out _));
        Assert.Null((string?)row["last_used_at"]);
        Assert.Equal("sandbox", (string)rows.Single(r => (string)r["client_id"]! == "listed-2")["status"]!);

        // Paging one by one walks the same list in the same order, with no repeat or gap.
        var walked = new List<string>();
        string? after = null;
        do
        {
            var page = await PageAsync(host, "/admin/clients?limit=1" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after)));
            walked.AddRange(page["clients"]!.AsArray().Select(n => (string)n!["client_id"]!));
            after = (string?)page["next"];
        }
        while (after is not null && walked.Count <= rows.Count);
        Assert.Equal(rows.Select(r => (string)r["client_id"]!), walked);

        // Last used: the last token issued or refreshed.
        var tokens = await app.LaunchAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var before = host.Clock.GetUtcNow().ToUnixTimeSeconds();
        using (var refreshed = await app.RefreshAsync((string)tokens["refresh_token"]!))
        {
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        }

        var done = host.Clock.GetUtcNow().ToUnixTimeSeconds();
        var used = (await PageAsync(host, "/admin/clients?status=production"))["clients"]!.AsArray().Single(n => (string)n!["client_id"]! == app.ClientId)!;
        Assert.InRange(DateTimeOffset.Parse((string)used["last_used_at"]!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(), before, done);

        using (await host.Admin().PostAsync(new Uri("/admin/clients/listed-1/revoke", UriKind.Relative), SmartApp.Reason(), Ct))
        {
        }

        var revoked = (await PageAsync(host, "/admin/clients?status=revoked"))["clients"]!.AsArray();
        Assert.Equal("listed-1", (string)Assert.Single(revoked)!["client_id"]!);
        Assert.DoesNotContain((await PageAsync(host, "/admin/clients?status=sandbox"))["clients"]!.AsArray(), n => (string)n!["client_id"]! == "listed-1");
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=501")]
    [InlineData("?limit=ten")]
    [InlineData("?status=paused")]
    [InlineData("?status=1")]
    [InlineData("?limit=1&limit=2")]
    public async Task List_BadQuery_400InvalidRequest(string query)
    {
        using var response = await backends[AuthBackends.Sqlite].Admin().GetAsync(new Uri("/admin/clients" + query, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (string)(await SmartApp.JsonAsync(response))["error"]!);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("app-token", HttpStatusCode.Unauthorized)]
    [InlineData("feed-key", HttpStatusCode.Forbidden)]
    public async Task List_WithoutAdminKey_Refused(string? credential, HttpStatusCode expected)
    {
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, new Dictionary<string, string?> { ["Admin:RevocationFeedKeyHashes:0"] = TestKeys.RevocationFeedHash });
        using var client = host.Browser();
        var key = credential switch
        {
            "app-token" => (string)(await new SmartApp(host).LaunchAsync())["access_token"]!,
            "feed-key" => TestKeys.RevocationFeed,
            _ => null,
        };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await client.GetAsync(new Uri("/admin/clients", UriKind.Relative), Ct);
        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("client_id", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static async Task<JsonObject> PageAsync(AuthServerHost host, string path)
    {
        using var response = await host.Admin().GetAsync(new Uri(path, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }
}
