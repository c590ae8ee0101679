using System.Net;
using System.Text.Json;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>
/// Issue 12 across real processes, app → gateway → store: scopes bound includes, chains and every
/// page (item 1, v1 and v2 scopes); membership by subject only (6); each version judged by its own
/// content (5); labels in any spelling (15); absolute URLs from the configured base whatever the
/// Host (13); no-store on every answer (16).
/// </summary>
[Collection(CrossProcessGroup.Name)]
public sealed class StoreScopeCrossProcessTests(GatewayAndStore stack) : IClassFixture<GatewayAndStore>
{
    private const string RevincludeEverything =
        "/r4/Patient?_revinclude=Condition:patient&_revinclude=Observation:patient&_revinclude=ExplanationOfBenefit:patient";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The review's narrow token, in SMART v1 and v2 syntax.</summary>
    public static TheoryData<string> NarrowScopes => ["patient/Patient.read patient/Coverage.read", "patient/Patient.rs patient/Coverage.rs"];

    public static TheoryData<string, string, string[], string[]> IncludeRoutes()
    {
        var data = new TheoryData<string, string, string[], string[]>();
        (string Target, string[] Expected, string[] Withheld)[] routes =
        [
            (RevincludeEverything, ["Patient/alice"], ["Condition", "Observation", "ExplanationOfBenefit"]),
            ("/r4/Patient?_revinclude=Coverage:beneficiary&_include:iterate=Coverage:payor", ["Patient/alice", "Coverage/cov-alice"], ["Organization"]),
            ("/r4/Coverage?_include=Coverage:payor&_include=Coverage:beneficiary", ["Coverage/cov-alice", "Patient/alice"], ["Organization"]),
            ("/r4/Coverage?_revinclude=ExplanationOfBenefit:coverage&_revinclude:iterate=Condition:subject", ["Coverage/cov-alice"], ["ExplanationOfBenefit", "Condition"]),
        ];
        foreach (var scope in new[] { "patient/Patient.read patient/Coverage.read", "patient/Patient.rs patient/Coverage.rs" })
        {
            foreach (var (target, expected, withheld) in routes)
            {
                data.Add(scope, target, expected, withheld);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IncludeRoutes))]
    public async Task Get_IncludeOfTypeNotInScopes_LeftOutAndNamed(string scope, string target, string[] expected, string[] withheld)
    {
        using var request = GatewayAndStore.Get(target, stack.Token("alice", scope));
        using var response = await stack.Gateway.SendAsync(request, Ct);
        var bundle = await JsonAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {bundle}\n{stack.Output}");
        Assert.Equal(expected.Order(), Resources(bundle).Order());
        Assert.All(withheld, type => Assert.Contains(type, Outcome(bundle), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(NarrowScopes))]
    public async Task PostSearch_RevincludeOfTypeNotInScopes_LeftOutAndNamed(string scope)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/r4/Patient/_search")
        {
            Content = new FormUrlEncodedContent([
                new("_revinclude", "Condition:patient"), new("_revinclude", "Observation:patient"), new("_revinclude", "ExplanationOfBenefit:patient"),
            ]),
        };
        request.Headers.Authorization = new("Bearer", stack.Token("alice", scope));
        using var response = await stack.Gateway.SendAsync(request, Ct);
        var bundle = await JsonAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {bundle}");
        Assert.Equal(["Patient/alice"], Resources(bundle));
        Assert.Contains("ExplanationOfBenefit", Outcome(bundle), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("patient/ExplanationOfBenefit.read")]
    [InlineData("patient/ExplanationOfBenefit.rs")]
    public async Task Get_EveryPageThroughTheGateway_OnlyAllowedTypes(string scope)
    {
        var token = stack.Token("alice", scope);
        string? next = "/r4/ExplanationOfBenefit?_count=1&_include=ExplanationOfBenefit:patient&_include=ExplanationOfBenefit:provider&_include=ExplanationOfBenefit:coverage";
        var seen = new List<string>();
        for (var pages = 0; next is not null && pages < 10; pages++)
        {
            using var request = GatewayAndStore.Get(next, token);
            using var response = await stack.Gateway.SendAsync(request, Ct);
            var bundle = await JsonAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {bundle}");
            seen.AddRange(Resources(bundle));
            Assert.Contains("Patient", Outcome(bundle), StringComparison.Ordinal);
            next = Link(bundle, "next") is { } link ? new Uri(link).PathAndQuery : null;
        }

        Assert.Equal(["ExplanationOfBenefit/eob-alice-1", "ExplanationOfBenefit/eob-alice-2"], seen.Order());
    }

    [Fact]
    public async Task Get_V2ReadWithoutSearch_ReadByIdButNotIncluded()
    {
        var token = stack.Token("alice", "patient/Patient.r patient/Coverage.rs");
        using var read = await stack.Gateway.SendAsync(GatewayAndStore.Get("/r4/Patient/alice", token), Ct);
        using var include = await stack.Gateway.SendAsync(GatewayAndStore.Get("/r4/Coverage?_include=Coverage:beneficiary", token), Ct);
        var bundle = await JsonAsync(include);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(["Coverage/cov-alice"], Resources(bundle));
        Assert.Contains("Patient", Outcome(bundle), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("patient/Coverage.read", "/r4/Coverage?beneficiary.birthdate=1950-10-19", "searching Patient")]
    [InlineData("patient/Coverage.rs", "/r4/Coverage?payor:Organization.name=demo", "searching Organization")]
    public async Task Get_ChainIntoTypeNotInScopes_403(string scope, string target, string diagnostic)
    {
        using var response = await stack.Gateway.SendAsync(GatewayAndStore.Get(target, stack.Token("alice", scope)), Ct);
        var outcome = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(diagnostic, outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MemberNamedAsPerformer_DoesNotSeeTheOthersRecord()
    {
        var dana = stack.Token("dana", "patient/*.read");
        using var read = await stack.Gateway.SendAsync(GatewayAndStore.Get("/r4/Observation/obs-eve", dana), Ct);
        using var search = await stack.Gateway.SendAsync(GatewayAndStore.Get("/r4/Observation?performer=Patient/dana", dana), Ct);
        using var eve = await stack.Gateway.SendAsync(GatewayAndStore.Get("/r4/Observation/obs-eve", stack.Token("eve", "patient/*.read")), Ct);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain("Observation/obs-eve", Resources(await JsonAsync(search)));
        Assert.Equal(HttpStatusCode.OK, eve.StatusCode);
    }

    [Fact]
    public async Task Vread_VersionThatWasAnotherMembers_404()
    {
        var eve = stack.Token("eve", "patient/*.read");
        var dana = stack.Token("dana", "patient/*.read");
        using var eveV1 = await stack.Gateway.SendAsync(GatewayAndStore.Get("/r4/Observation/obs-moved/_history/1", eve), Ct);
        using var eveV2 = await stack.Gateway.SendAsync(GatewayAndStore.Get("/r4/Observation/obs-moved/_history/2", eve), Ct);
        using var danaV1 = await stack.Gateway.SendAsync(GatewayAndStore.Get("/r4/Observation/obs-moved/_history/1", dana), Ct);

        Assert.Equal(HttpStatusCode.NotFound, eveV1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, eveV2.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, danaV1.StatusCode);
    }

    [Fact]
    public async Task Get_LowerCaseLabelWithoutSystem_WithheldWithoutThatConsent()
    {
        // The token consents to MH only; cond-alice-psy is labelled "psy" with no system.
        using var response = await stack.Gateway.SendAsync(GatewayAndStore.Get("/r4/Condition", stack.Token("alice", "patient/*.read")), Ct);

        Assert.Equal(["Condition/cond-alice-htn"], Resources(await JsonAsync(response)));
    }

    [Theory]
    [InlineData("Host")]
    [InlineData("X-Forwarded-Host")]
    [InlineData("Forwarded")]
    public async Task Get_HostileHost_EveryUrlFromTheConfiguredBase(string header)
    {
        using var request = GatewayAndStore.Get("/r4/ExplanationOfBenefit?_count=1&_include=ExplanationOfBenefit:patient", stack.Token("alice", "patient/*.read"));
        request.Headers.TryAddWithoutValidation(header, header == "Forwarded" ? "host=evil.example;proto=https" : "evil.example");
        using var response = await stack.Gateway.SendAsync(request, Ct);
        var bundle = await JsonAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {bundle}");
        var urls = bundle.GetProperty("link").EnumerateArray().Select(l => l.GetProperty("url").GetString()!)
            .Concat(bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("fullUrl").GetString()!))
            .ToList();
        Assert.Equal(4, urls.Count);
        Assert.All(urls, url => Assert.StartsWith(GatewayAndStore.PublicBase + "/", url, StringComparison.Ordinal));
        Assert.DoesNotContain("evil", bundle.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/r4/Patient/alice")]
    [InlineData("/r4/Patient/alice/_history/1")]
    [InlineData("/r4/ExplanationOfBenefit?patient=alice")]
    [InlineData("/r4/Observation/obs-eve")]
    public async Task Get_PhiAnswerThroughTheGateway_NoStore(string target)
    {
        using var response = await stack.Gateway.SendAsync(GatewayAndStore.Get(target, stack.Token("alice", "patient/*.read")), Ct);

        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{(int)response.StatusCode}: {response.Headers}");
    }

    [Theory]
    [InlineData("/r4/Patient?name:contains=", 3000)]
    [InlineData("/r4/Patient?_sort=birthdate&_cursor=WzAsNSxbIm5vdC1hLW51bWJlciJdXQ", 0)]
    [InlineData("/r4/Observation?value-quantity=79228162514264337593543950335", 0)]
    public async Task Get_InputTheDatabaseCouldNotTake_4xxOperationOutcome(string target, int padding)
    {
        using var request = GatewayAndStore.Get(target + new string('a', padding), stack.Token("alice", "patient/*.read"));
        using var response = await stack.Gateway.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode} {body}");
        var outcome = StrictFhir.Parse<Hl7.Fhir.Model.OperationOutcome>(body);
        Assert.Contains(outcome.Issue, i => i.Severity == Hl7.Fhir.Model.OperationOutcome.IssueSeverity.Error);
    }

    [Fact]
    public async Task PostSearch_FormValueTooLargeForLike_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/r4/Patient/_search")
        {
            Content = new FormUrlEncodedContent([new("name:contains", new string('a', 60_000))]),
        };
        request.Headers.Authorization = new("Bearer", stack.Token("alice", "patient/*.read"));
        using var response = await stack.Gateway.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode} {body}");
        var outcome = StrictFhir.Parse<Hl7.Fhir.Model.OperationOutcome>(body);
        Assert.Contains(outcome.Issue, i => i.Severity == Hl7.Fhir.Model.OperationOutcome.IssueSeverity.Error);
    }

    /// <summary>The answer as JSON; read by Firely's strict R4 parser first, as an outside client would.</summary>
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(StrictFhir.IsFhirJson(response), $"not FHIR JSON: {response.Content.Headers.ContentType}");
        _ = StrictFhir.Parse<Hl7.Fhir.Model.Resource>(text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>"Type/id" of every match and include.</summary>
    private static List<string> Resources(JsonElement bundle) =>
        bundle.TryGetProperty("entry", out var entries)
            ? entries.EnumerateArray()
                .Where(e => e.GetProperty("search").GetProperty("mode").GetString() is "match" or "include")
                .Select(e => $"{e.GetProperty("resource").GetProperty("resourceType").GetString()}/{e.GetProperty("resource").GetProperty("id").GetString()}")
                .ToList()
            : [];

    private static string Outcome(JsonElement bundle) =>
        bundle.TryGetProperty("entry", out var entries)
            ? string.Join(" | ", entries.EnumerateArray()
                .Where(e => e.GetProperty("search").GetProperty("mode").GetString() == "outcome")
                .Select(e => e.GetProperty("resource").ToString()))
            : string.Empty;

    private static string? Link(JsonElement bundle, string relation) =>
        bundle.GetProperty("link").EnumerateArray()
            .Where(l => l.GetProperty("relation").GetString() == relation)
            .Select(l => l.GetProperty("url").GetString())
            .FirstOrDefault();
}
