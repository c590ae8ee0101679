using System.Net;
using System.Text.Json;

namespace PatientAccess.FhirStore.Tests.Integration;

/// <summary>
/// Issue 12, item 1: every resource a member context receives (match or include, GET or POST, any
/// page) is of a type its token's scopes allow, and a chain cannot look into a type they do not.
/// The gateway turns v1 and v2 scopes into these type lists (ScopeSetTests; the cross-process
/// StoreScopeCrossProcessTests run the same routes through it).
/// </summary>
[Collection(StoreTestGroup.Name)]
public sealed class ScopeBoundTests(StoreBackends backends)
{
    private static readonly string[] Alice = ["alice"];

    /// <summary>The review's token: <c>patient/Patient.rs patient/Coverage.rs</c>.</summary>
    private static readonly string[] PatientAndCoverage = ["Patient", "Coverage"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string[], string[]> IncludeRoutes()
    {
        var data = new TheoryData<string, string, string[], string[]>();
        (string Query, string[] Expected, string[] Withheld)[] routes =
        [
            ("/r4/Patient?_revinclude=Condition:patient&_revinclude=Observation:patient&_revinclude=ExplanationOfBenefit:patient",
                ["Patient/alice"], ["Condition", "Observation", "ExplanationOfBenefit"]),
            ("/r4/Patient?_revinclude=Condition:subject&_revinclude=Coverage:beneficiary", ["Patient/alice", "Coverage/cov-alice"], ["Condition"]),
            ("/r4/Patient?_revinclude=DocumentReference:subject&_revinclude=Provenance:target", ["Patient/alice"], ["DocumentReference", "Provenance"]),
            ("/r4/Coverage?_include=Coverage:payor&_include=Coverage:beneficiary", ["Coverage/cov-alice", "Patient/alice"], ["Organization"]),
            ("/r4/Coverage?_include=Coverage:beneficiary&_include:iterate=Patient:organization", ["Coverage/cov-alice", "Patient/alice"], ["Organization"]),
            ("/r4/Coverage?_include=Coverage:payor:Organization", ["Coverage/cov-alice"], ["Organization"]),
            ("/r4/Patient?_revinclude=Coverage:beneficiary&_include:iterate=Coverage:payor", ["Patient/alice", "Coverage/cov-alice"], ["Organization"]),
        ];
        foreach (var backend in new[] { StoreBackends.Sqlite, StoreBackends.PostgreSql })
        {
            foreach (var (query, expected, withheld) in routes)
            {
                data.Add(backend, query, expected, withheld);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IncludeRoutes))]
    public async Task Search_IncludeOfTypeNotInScopes_LeftOutAndNamed(string backend, string target, string[] expected, string[] withheld)
    {
        using var response = await backends[backend].GetAsMemberAsync(target, Alice, readTypes: PatientAndCoverage, searchTypes: PatientAndCoverage);
        var bundle = await Fhir.JsonAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.OK, bundle.ToString());
        Assert.Equal(expected.Order(), Fhir.Ids(bundle).Concat(Fhir.Ids(bundle, "include")).Order());
        var outcome = Outcome(bundle);
        foreach (var type in withheld)
        {
            Assert.Contains(type, outcome, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_SameIncludesEveryTypeAllowed_AllIncludedNothingWithheld(string backend)
    {
        const string target = "/r4/Patient?_revinclude=Condition:patient&_revinclude=Observation:patient&_revinclude=ExplanationOfBenefit:patient";
        using var response = await backends[backend].GetAsMemberAsync(target, Alice);
        var bundle = await Fhir.JsonAsync(response);

        // cond-alice-htn (the sensitive two need consent), two observations, three claims.
        Assert.Equal(6, Fhir.Ids(bundle, "include").Count);
        Assert.Empty(Outcome(bundle));
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task PostSearch_RevincludeOfTypeNotInScopes_LeftOutAndNamed(string backend)
    {
        KeyValuePair<string, string>[] form =
        [
            new("_revinclude", "Condition:patient"), new("_revinclude", "Observation:patient"), new("_revinclude", "ExplanationOfBenefit:patient"),
        ];
        using var response = await backends[backend].PostSearchAsMemberAsync("/r4/Patient/_search", form, Alice, PatientAndCoverage, PatientAndCoverage);
        var bundle = await Fhir.JsonAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.OK, bundle.ToString());
        Assert.Equal(["Patient/alice"], Fhir.Ids(bundle).Concat(Fhir.Ids(bundle, "include")));
        Assert.Contains("ExplanationOfBenefit", Outcome(bundle), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_EveryPageOfAPagedRevinclude_OnlyAllowedTypes(string backend)
    {
        var host = backends[backend];
        string[] claimsOnly = ["ExplanationOfBenefit"];
        string? next = "/r4/ExplanationOfBenefit?_count=1&_include=ExplanationOfBenefit:patient&_include=ExplanationOfBenefit:coverage&_include=ExplanationOfBenefit:provider";
        var seen = new List<string>();
        var pages = 0;
        while (next is not null && pages++ < 10)
        {
            using var response = await host.GetAsMemberAsync(next, Alice, readTypes: claimsOnly, searchTypes: claimsOnly);
            var bundle = await Fhir.JsonAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, bundle.ToString());
            seen.AddRange(Fhir.Ids(bundle).Concat(Fhir.Ids(bundle, "include")));
            Assert.Contains("Patient", Outcome(bundle), StringComparison.Ordinal);
            next = Fhir.Link(bundle, "next") is { } link ? new Uri(link).PathAndQuery : null;
        }

        Assert.Equal(["ExplanationOfBenefit/eob-alice-1", "ExplanationOfBenefit/eob-alice-2", "ExplanationOfBenefit/eob-alice-3"], seen.Order());
    }

    [Theory]
    [InlineData(StoreBackends.Sqlite, "/r4/Condition", "searching Condition")]
    [InlineData(StoreBackends.Sqlite, "/r4/Condition/cond-alice-htn", "reading Condition")]
    [InlineData(StoreBackends.Sqlite, "/r4/Condition/cond-alice-htn/_history/1", "reading Condition")]
    [InlineData(StoreBackends.Sqlite, "/r4/Coverage?beneficiary.birthdate=1950-10-19", "searching Patient")]
    [InlineData(StoreBackends.Sqlite, "/r4/Coverage?payor:Organization.name=demo", "searching Organization")]
    [InlineData(StoreBackends.PostgreSql, "/r4/Condition", "searching Condition")]
    [InlineData(StoreBackends.PostgreSql, "/r4/Condition/cond-alice-htn/_history/1", "reading Condition")]
    [InlineData(StoreBackends.PostgreSql, "/r4/Coverage?beneficiary.birthdate=1950-10-19", "searching Patient")]
    public async Task Request_TypeOrChainTargetNotInScopes_403(string backend, string target, string diagnostic)
    {
        string[] coverageOnly = ["Coverage"];
        using var response = await backends[backend].GetAsMemberAsync(target, Alice, readTypes: coverageOnly, searchTypes: coverageOnly);
        var outcome = await Fhir.JsonAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(diagnostic, Fhir.Diagnostics(outcome), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Request_ReadWithoutSearch_ReadsByIdButNeverInABundle(string backend)
    {
        // v2 patient/Patient.r patient/Coverage.rs: Patient by id, Coverage by search.
        var host = backends[backend];
        string[] read = ["Patient", "Coverage"];
        string[] search = ["Coverage"];
        using var byId = await host.GetAsMemberAsync("/r4/Patient/alice", Alice, readTypes: read, searchTypes: search);
        using var searched = await host.GetAsMemberAsync("/r4/Patient", Alice, readTypes: read, searchTypes: search);
        using var included = await host.GetAsMemberAsync("/r4/Coverage?_include=Coverage:beneficiary", Alice, readTypes: read, searchTypes: search);
        var bundle = await Fhir.JsonAsync(included);

        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, searched.StatusCode);
        Assert.Equal(["Coverage/cov-alice"], Fhir.Ids(bundle).Concat(Fhir.Ids(bundle, "include")));
        Assert.Contains("_include=Coverage:beneficiary", Outcome(bundle), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Request_NoTypesAtAll_EverythingRefused(string backend)
    {
        var host = backends[backend];
        using var read = await host.GetAsMemberAsync("/r4/Patient/alice", Alice, readTypes: [], searchTypes: []);
        using var search = await host.GetAsMemberAsync("/r4/Patient", Alice, readTypes: [], searchTypes: []);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
    }

    /// <summary>The diagnostics of the Bundle's OperationOutcome entry (search mode outcome), or empty.</summary>
    private static string Outcome(JsonElement bundle) =>
        bundle.TryGetProperty("entry", out var entries)
            ? string.Join(" | ", entries.EnumerateArray()
                .Where(e => e.GetProperty("search").GetProperty("mode").GetString() == "outcome")
                .Select(e => Fhir.Diagnostics(e.GetProperty("resource"))))
            : string.Empty;
}
