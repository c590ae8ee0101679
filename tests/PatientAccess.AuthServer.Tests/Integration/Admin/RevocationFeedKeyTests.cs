using System.Net;
using System.Net.Http.Headers;
using PatientAccess.AuthServer.Clients;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Admin;

/// <summary>
/// The gateways' read-only key (<c>Admin:RevocationFeedKeyHashes</c>) opens the revocation feed and
/// an app's rate limit, and nothing else of the admin API; the admin key still opens everything.
/// </summary>
[Collection(AuthTestGroup.Name)]
public sealed class RevocationFeedKeyTests(AuthBackends backends)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> FeedKeySettings => new() { ["Admin:RevocationFeedKeyHashes:0"] = TestKeys.RevocationFeedHash };

    [Fact]
    public async Task FeedKey_RevocationFeedAndRateLimit_200()
    {
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, FeedKeySettings);
        using var feed = Client(host, TestKeys.RevocationFeed);

        using var page = await feed.GetAsync(new Uri("/admin/revocations?after=0", UriKind.Relative), Ct);
        using var limit = await feed.GetAsync(new Uri($"/admin/clients/{host.Demo().PublicId}/rate-limit", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull((await SmartApp.JsonAsync(page))["cursor"]);
        Assert.Equal(HttpStatusCode.OK, limit.StatusCode);
        var body = await SmartApp.JsonAsync(limit);
        Assert.Equal(host.Demo().PublicId, (string?)body["client_id"]);
        // Only what a gateway needs: no redirect URIs, status or name.
        Assert.Equal(["client_id", "rate_limit_burst", "rate_limit_per_second"], body.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("GET", "/admin/clients/{client}")]
    [InlineData("POST", "/admin/clients/{client}/suspend")]
    [InlineData("POST", "/admin/clients/{client}/revoke")]
    [InlineData("POST", "/admin/clients/{client}/reinstate")]
    [InlineData("POST", "/admin/grants/any-grant/revoke")]
    public async Task FeedKey_AnyOtherAdminEndpoint_403AndNothingChanges(string method, string path)
    {
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, FeedKeySettings);
        var clientId = host.Demo().PublicId;
        using var feed = Client(host, TestKeys.RevocationFeed);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path.Replace("{client}", clientId, StringComparison.Ordinal), UriKind.Relative));

        using var response = await feed.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("insufficient_scope", (string?)(await SmartApp.JsonAsync(response))["error"]);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.True((await host.Service<ClientRegistry>().FindAsync(clientId, Ct))!.IsActive);
    }

    [Fact]
    public async Task AdminKey_FeedAndRateLimit_StillOpen()
    {
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, FeedKeySettings);
        using var admin = host.Admin();

        using var page = await admin.GetAsync(new Uri("/admin/revocations", UriKind.Relative), Ct);
        using var limit = await admin.GetAsync(new Uri($"/admin/clients/{host.Demo().PublicId}/rate-limit", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, limit.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("hash-as-key")]
    public async Task Feed_WithoutAKnownKey_401(string? key)
    {
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, FeedKeySettings);
        using var client = host.Browser();
        key = key == "hash-as-key" ? TestKeys.RevocationFeedHash : key;
        if (key is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + key);
        }

        using var response = await client.GetAsync(new Uri("/admin/revocations", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Validate_SameKeyAsAdminAndFeed_RefusedNamingTheSetting()
    {
        var options = new PatientAccess.AuthServer.Admin.AdminOptions();
        options.ApiKeyHashes.Add(TestKeys.AdminHash);
        options.RevocationFeedKeyHashes.Add(TestKeys.AdminHash.ToUpperInvariant());

        var failures = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        var failure = Assert.Single(failures);
        Assert.Equal(["RevocationFeedKeyHashes"], failure.MemberNames);
        Assert.Contains("a key cannot be both an admin key and a revocation feed key", failure.ErrorMessage, StringComparison.Ordinal);
    }

    private static HttpClient Client(AuthServerHost host, string key)
    {
        var client = host.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
