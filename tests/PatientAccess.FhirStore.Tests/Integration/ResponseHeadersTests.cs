using System.Net;

namespace PatientAccess.FhirStore.Tests.Integration;

/// <summary>
/// Issue 12, items 13 and 16: every absolute URL is built from Fhir:PublicBaseUrl whatever Host
/// or X-Forwarded-Host the request carries, and every answer says Cache-Control: no-store.
/// </summary>
[Collection(StoreTestGroup.Name)]
public sealed class ResponseHeadersTests(StoreBackends backends)
{
    /// <summary>The default Fhir:PublicBaseUrl: the gateway's default FHIR base.</summary>
    private const string PublicBase = "http://localhost:5000/r4";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StoreBackends.Sqlite, "Host")]
    [InlineData(StoreBackends.Sqlite, "X-Forwarded-Host")]
    [InlineData(StoreBackends.PostgreSql, "Host")]
    [InlineData(StoreBackends.PostgreSql, "X-Forwarded-Host")]
    public async Task Search_HostileHost_LinksAndFullUrlsFromTheConfiguredBase(string backend, string header)
    {
        const string target = "/r4/ExplanationOfBenefit?_count=1&_include=ExplanationOfBenefit:patient";
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Add(MemberContext.MemberContextCodec.HeaderName, backends[backend].SignFor("GET", target, ["alice"]));
        request.Headers.TryAddWithoutValidation(header, "evil.example");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        using var response = await backends[backend].CreateClient().SendAsync(request, Ct);
        var bundle = await Fhir.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var urls = bundle.GetProperty("link").EnumerateArray().Select(l => l.GetProperty("url").GetString()!)
            .Concat(bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("fullUrl").GetString()!))
            .ToList();
        Assert.Equal(4, urls.Count);
        Assert.All(urls, url => Assert.StartsWith(PublicBase + "/", url, StringComparison.Ordinal));
        Assert.DoesNotContain("evil", bundle.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_HostileHost_ImplementationUrlIsTheConfiguredBase()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/r4/metadata");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil.example");
        using var response = await backends[StoreBackends.Sqlite].CreateClient().SendAsync(request, Ct);

        Assert.Equal(PublicBase, (await Fhir.JsonAsync(response)).GetProperty("implementation").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Search_ConfiguredBaseWithTrailingSlash_OneSlashInLinks()
    {
        await using var host = await backends.FreshAsync(StoreBackends.Sqlite, new Dictionary<string, string?> { ["Fhir:PublicBaseUrl"] = "https://api.plan.example/fhir/r4/" });
        await host.ImportAsync("""{"resourceType":"Patient","id":"p1"}""");

        using var response = await host.Operator().GetAsync(new Uri("/r4/Patient", UriKind.Relative), Ct);
        var bundle = await Fhir.JsonAsync(response);

        Assert.Equal("https://api.plan.example/fhir/r4/Patient", Fhir.Link(bundle, "self"));
        Assert.Equal("https://api.plan.example/fhir/r4/Patient/p1", bundle.GetProperty("entry")[0].GetProperty("fullUrl").GetString());
    }

    [Theory]
    [InlineData("/r4/Patient/alice")]
    [InlineData("/r4/Patient/alice/_history/1")]
    [InlineData("/r4/ExplanationOfBenefit?patient=alice")]
    [InlineData("/r4/Patient/bob")]
    [InlineData("/r4/Condition/cond-alice-sud")]
    [InlineData("/r4/Patient?birthdate=nonsense")]
    public async Task Request_AnyAnswer_NoStore(string target)
    {
        using var response = await backends[StoreBackends.Sqlite].GetAsMemberAsync(target, ["alice"]);

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("no-cache", response.Headers.Pragma.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostSearch_Answer_NoStore()
    {
        using var response = await backends[StoreBackends.Sqlite].PostSearchAsMemberAsync("/r4/Coverage/_search", [new("beneficiary", "Patient/alice")], ["alice"]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.ToString());
    }
}
