using System.Net;

namespace PatientAccess.FhirStore.Tests.Integration;

/// <summary>Nothing of another member, and no withheld sensitive resource, is reachable by any route.</summary>
[Collection(StoreTestGroup.Name)]
public sealed class MemberScopeTests(StoreBackends backends)
{
    private static readonly string[] Alice = ["alice"];

    public static TheoryData<string, string, string[]> Routes()
    {
        var data = new TheoryData<string, string, string[]>();
        (string Query, string[] Expected)[] routes =
        [
            ("/r4/ExplanationOfBenefit", ["ExplanationOfBenefit/eob-alice-1", "ExplanationOfBenefit/eob-alice-2", "ExplanationOfBenefit/eob-alice-3"]),
            ("/r4/ExplanationOfBenefit?patient=bob", []),
            ("/r4/Patient", ["Patient/alice"]),
            ("/r4/Observation?code=8867-4", ["Observation/obs-alice-hr"]),
            ("/r4/Condition", ["Condition/cond-alice-htn"]),
            // Shared directory resources are visible; their links to other members are not.
            ("/r4/Practitioner?_revinclude=ExplanationOfBenefit:provider", ["Practitioner/dr-lee", "ExplanationOfBenefit/eob-alice-1"]),
            ("/r4/Organization?_revinclude=Coverage:payor", ["Organization/payer", "Coverage/cov-alice"]),
            ("/r4/Coverage?_include=Coverage:beneficiary&_include:iterate=Patient:link", ["Coverage/cov-alice", "Patient/alice"]),
            // A chain cannot probe another member's data: bob's member ID finds nothing.
            ("/r4/ExplanationOfBenefit?patient.identifier=222222222222", []),
            ("/r4/Coverage?beneficiary.family=nunez", []),
            // Sensitive resources stay out of includes and chains too.
            ("/r4/Patient?_revinclude=Condition:subject", ["Patient/alice", "Condition/cond-alice-htn"]),
        ];
        foreach (var backend in new[] { StoreBackends.Sqlite, StoreBackends.PostgreSql })
        {
            foreach (var (query, expected) in routes)
            {
                data.Add(backend, query, expected);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Search_AsAlice_OnlyAlicesAndShared(string backend, string target, string[] expected)
    {
        using var response = await backends[backend].GetAsMemberAsync(target, Alice);
        var bundle = await Fhir.JsonAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.OK, bundle.ToString());
        Assert.Equal(expected.Order(), Fhir.Ids(bundle).Concat(Fhir.Ids(bundle, "include")).Order());
    }

    [Theory]
    [InlineData(StoreBackends.Sqlite, "/r4/Patient/bob")]
    [InlineData(StoreBackends.Sqlite, "/r4/ExplanationOfBenefit/eob-bob-1")]
    [InlineData(StoreBackends.Sqlite, "/r4/ExplanationOfBenefit/eob-bob-1/_history/1")]
    [InlineData(StoreBackends.Sqlite, "/r4/Condition/cond-alice-sud")]
    [InlineData(StoreBackends.PostgreSql, "/r4/Patient/bob")]
    [InlineData(StoreBackends.PostgreSql, "/r4/ExplanationOfBenefit/eob-bob-1/_history/1")]
    [InlineData(StoreBackends.PostgreSql, "/r4/Condition/cond-alice-sud")]
    public async Task Read_OtherMemberOrWithheld_404LikeMissing(string backend, string target)
    {
        using var response = await backends[backend].GetAsMemberAsync(target, Alice);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("OperationOutcome", (await Fhir.JsonAsync(response)).GetProperty("resourceType").GetString());
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_ConsentedCategory_OnlyThatCategoryReturned(string backend)
    {
        using var none = await backends[backend].GetAsMemberAsync("/r4/Condition", Alice);
        using var sud = await backends[backend].GetAsMemberAsync("/r4/Condition", Alice, ["ETH"]);
        using var both = await backends[backend].GetAsMemberAsync("/r4/Condition", Alice, ["ETH", "PSY"]);

        Assert.Equal(["Condition/cond-alice-htn"], Fhir.Ids(await Fhir.JsonAsync(none)));
        Assert.Equal(["Condition/cond-alice-htn", "Condition/cond-alice-sud"], Fhir.Ids(await Fhir.JsonAsync(sud)).Order());
        Assert.Equal(3, Fhir.Ids(await Fhir.JsonAsync(both)).Count);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_PagingLinks_StayInScope(string backend)
    {
        var host = backends[backend];
        using var first = await host.GetAsMemberAsync("/r4/ExplanationOfBenefit?_count=1", Alice);
        var seen = Fhir.Ids(await Fhir.JsonAsync(first));
        var next = Fhir.Link(await Fhir.JsonAsync(first), "next");
        while (next is not null)
        {
            var target = new Uri(next).PathAndQuery;
            using var page = await host.GetAsMemberAsync(target, Alice);
            var bundle = await Fhir.JsonAsync(page);
            seen.AddRange(Fhir.Ids(bundle));
            next = Fhir.Link(bundle, "next");
        }

        Assert.Equal(["ExplanationOfBenefit/eob-alice-1", "ExplanationOfBenefit/eob-alice-2", "ExplanationOfBenefit/eob-alice-3"], seen.Order());
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Request_WithoutOrWithForgedContext_Forbidden(string backend)
    {
        var host = backends[backend];
        var client = host.CreateClient();
        using var none = await client.GetAsync(new Uri("/r4/Patient/alice", UriKind.Relative), TestContext.Current.CancellationToken);

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/r4/Patient/alice");
        var forger = new MemberContext.MemberContextCodec([new byte[32]]);
        forged.Headers.Add(MemberContext.MemberContextCodec.HeaderName,
            forger.Sign(new MemberContext.MemberContext(["alice"], [], ["*"], ["*"], "evil", DateTimeOffset.UtcNow.AddMinutes(1)), "GET", "/r4/Patient/alice"));
        using var forgedResponse = await client.SendAsync(forged, TestContext.Current.CancellationToken);

        // A genuine context replayed for another request (another patient's resource).
        using var replayed = new HttpRequestMessage(HttpMethod.Get, "/r4/Patient/bob");
        replayed.Headers.Add(MemberContext.MemberContextCodec.HeaderName, host.SignFor("GET", "/r4/Patient/alice", ["bob"]));
        using var replayedResponse = await client.SendAsync(replayed, TestContext.Current.CancellationToken);

        using var expired = await host.GetAsMemberAsync("/r4/Patient/alice", Alice, lifetime: TimeSpan.FromMinutes(-1));

        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/r4/Patient/alice");
        wrongKey.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "guess");
        using var wrongKeyResponse = await client.SendAsync(wrongKey, TestContext.Current.CancellationToken);

        foreach (var (response, reason) in new[]
        {
            (none, "no member context"), (forgedResponse, "signature"), (replayedResponse, "signature"),
            (expired, "expired"), (wrongKeyResponse, "operator key"),
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains(reason, Fhir.Diagnostics(await Fhir.JsonAsync(response)), StringComparison.Ordinal);
        }
    }
}
