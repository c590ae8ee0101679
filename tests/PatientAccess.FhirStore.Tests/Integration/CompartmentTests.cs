using System.Net;

namespace PatientAccess.FhirStore.Tests.Integration;

/// <summary>
/// Issue 12, item 6: a member sees records whose subject they are, never records that name them
/// in another role (performer, asserter, recorder, author, participant, payee, subscriber,
/// policy holder, payor, a Patient link). Dana is named in each such role on Eve's records.
/// </summary>
[Collection(StoreTestGroup.Name)]
public sealed class CompartmentTests(StoreBackends backends)
{
    /// <summary>Eve's records, each naming Dana in a role that is not the subject.</summary>
    public const string Records = """
        {"resourceType":"Patient","id":"dana","name":[{"family":"Dana"}]}
        {"resourceType":"Patient","id":"eve","name":[{"family":"Eve"}],"link":[{"other":{"reference":"Patient/dana"},"type":"seealso"}]}
        {"resourceType":"Observation","id":"obs-eve","status":"final","code":{"text":"weight"},"subject":{"reference":"Patient/eve"},"performer":[{"reference":"Patient/dana"}]}
        {"resourceType":"Condition","id":"cond-eve","subject":{"reference":"Patient/eve"},"asserter":{"reference":"Patient/dana"},"code":{"text":"asthma"}}
        {"resourceType":"AllergyIntolerance","id":"allergy-eve","patient":{"reference":"Patient/eve"},"recorder":{"reference":"Patient/dana"},"asserter":{"reference":"Patient/dana"}}
        {"resourceType":"DocumentReference","id":"doc-eve","status":"current","subject":{"reference":"Patient/eve"},"author":[{"reference":"Patient/dana"}],"content":[{"attachment":{"contentType":"text/plain","url":"http://example.org/eve.txt"}}]}
        {"resourceType":"CareTeam","id":"team-eve","subject":{"reference":"Patient/eve"},"participant":[{"member":{"reference":"Patient/dana"}}]}
        {"resourceType":"Procedure","id":"proc-eve","status":"completed","subject":{"reference":"Patient/eve"},"performer":[{"actor":{"reference":"Patient/dana"}}]}
        {"resourceType":"Coverage","id":"cov-eve","status":"active","beneficiary":{"reference":"Patient/eve"},"subscriber":{"reference":"Patient/dana"},"policyHolder":{"reference":"Patient/dana"},"payor":[{"reference":"Patient/dana"}]}
        {"resourceType":"ExplanationOfBenefit","id":"eob-eve","status":"active","type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/claim-type","code":"professional"}]},"use":"claim","patient":{"reference":"Patient/eve"},"created":"2024-01-15","insurer":{"reference":"Organization/plan"},"provider":{"reference":"Organization/plan"},"payee":{"party":{"reference":"Patient/dana"}},"outcome":"complete","insurance":[{"focal":true,"coverage":{"reference":"Coverage/cov-eve"}}]}
        {"resourceType":"Organization","id":"plan","name":"Plan"}
        """;

    public static readonly string[] EveRecords =
    [
        "Patient/eve", "Observation/obs-eve", "Condition/cond-eve", "AllergyIntolerance/allergy-eve", "DocumentReference/doc-eve",
        "CareTeam/team-eve", "Procedure/proc-eve", "Coverage/cov-eve", "ExplanationOfBenefit/eob-eve",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task ReadAndSearch_NamedInAnotherRole_NothingOfTheOthersRecord(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        await host.ImportAsync(Records);

        foreach (var record in EveRecords)
        {
            var type = record.Split('/')[0];
            using var read = await host.GetAsMemberAsync("/r4/" + record, ["dana"]);
            using var search = await host.GetAsMemberAsync("/r4/" + type, ["dana"]);
            using var asEve = await host.GetAsMemberAsync("/r4/" + record, ["eve"]);

            Assert.True(read.StatusCode == HttpStatusCode.NotFound, $"Dana read {record}: {(int)read.StatusCode}");
            Assert.DoesNotContain(record, Fhir.Ids(await Fhir.JsonAsync(search)));
            Assert.True(asEve.StatusCode == HttpStatusCode.OK, $"Eve read {record}: {(int)asEve.StatusCode}");
        }

        // Nor by a revinclude from Dana's own Patient, through any of those roles.
        using var revinclude = await host.GetAsMemberAsync(
            "/r4/Patient?_revinclude=Observation:performer&_revinclude=Condition:asserter&_revinclude=Coverage:subscriber&_revinclude=Patient:link", ["dana"]);
        Assert.Equal(["Patient/dana"], Fhir.Ids(await Fhir.JsonAsync(revinclude)).Concat(Fhir.Ids(await Fhir.JsonAsync(revinclude), "include")));
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_Subject_SeesEveryOwnRecord(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        await host.ImportAsync(Records);
        var seen = new List<string>();
        foreach (var type in EveRecords.Select(r => r.Split('/')[0]))
        {
            using var search = await host.GetAsMemberAsync("/r4/" + type, ["eve"]);
            seen.AddRange(Fhir.Ids(await Fhir.JsonAsync(search)));
        }

        Assert.Equal(EveRecords.Order(), seen.Order());
    }
}
