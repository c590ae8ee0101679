using System.Net;

namespace PatientAccess.FhirStore.Tests.Integration;

/// <summary>
/// Issue 12, item 15: a sensitivity label counts however it is spelled (pre-R4 URI, OIDs, lower
/// case, no system, trailing slash, https), and v3-Confidentiality R/V alone withholds a resource
/// until the member has consented to every sensitive category (Access:RestrictedConfidentialityUnlockedBy).
/// </summary>
[Collection(StoreTestGroup.Name)]
public sealed class SecurityLabelTests(StoreBackends backends)
{
    private static readonly (string Id, string System, string Code)[] Labels =
    [
        ("pre-r4", "http://hl7.org/fhir/v3/ActCode", "ETH"),
        ("lower", "http://terminology.hl7.org/CodeSystem/v3-ActCode", "eth"),
        ("no-system", string.Empty, "HIV"),
        ("oid", "urn:oid:2.16.840.1.113883.5.4", "PSY"),
        ("https-slash", "https://terminology.hl7.org/CodeSystem/v3-ActCode/", "Mh"),
        ("restricted", "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R"),
        ("very-restricted", "http://hl7.org/fhir/v3/Confidentiality", "v"),
        ("restricted-no-system", string.Empty, "R"),
        // Not a label: another system's code, and the ordinary confidentiality level.
        ("other-system", "http://example.org/local-codes", "HIV"),
        ("normal", "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "N"),
    ];

    private static string Data() => "{\"resourceType\":\"Patient\",\"id\":\"lia\"}\n" + string.Join('\n', Labels.Select(l =>
        "{\"resourceType\":\"Condition\",\"id\":\"" + l.Id + "\",\"meta\":{\"security\":[{"
        + (l.System.Length == 0 ? string.Empty : "\"system\":\"" + l.System + "\",")
        + "\"code\":\"" + l.Code + "\"}]},\"subject\":{\"reference\":\"Patient/lia\"},\"code\":{\"text\":\"x\"}}"));

    private static readonly string[] UnlockedByMh = ["https-slash", "normal", "other-system", "restricted", "restricted-no-system", "very-restricted"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        (string Consent, string Visible)[] cases =
        [
            (string.Empty, "other-system,normal"),
            ("ETH", "other-system,normal,pre-r4,lower"),
            ("eth,hiv", "other-system,normal,pre-r4,lower,no-system"),
            ("PSY,MH", "other-system,normal,oid,https-slash"),
            // R and V: only with every category.
            ("ETH,PSY,MH,HIV,SEX,STD,GDIS", "other-system,normal,pre-r4,lower,no-system,oid,https-slash"),
            ("ETH,PSY,MH,HIV,SEX,STD,GDIS,SDV", "other-system,normal,pre-r4,lower,no-system,oid,https-slash,restricted,very-restricted,restricted-no-system"),
        ];
        foreach (var backend in new[] { StoreBackends.Sqlite, StoreBackends.PostgreSql })
        {
            foreach (var (consent, visible) in cases)
            {
                data.Add(backend, consent, visible);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Search_LabelInAnySpelling_WithheldUntilConsented(string backend, string consent, string visible)
    {
        await using var host = await backends.FreshAsync(backend);
        await host.ImportAsync(Data());
        var consented = consent.Split(',', StringSplitOptions.RemoveEmptyEntries);

        using var search = await host.GetAsMemberAsync("/r4/Condition", ["lia"], consented);
        var expected = visible.Split(',').Select(id => "Condition/" + id).Order().ToList();

        Assert.Equal(expected, Fhir.Ids(await Fhir.JsonAsync(search)).Order());
        foreach (var (id, _, _) in Labels)
        {
            using var read = await host.GetAsMemberAsync("/r4/Condition/" + id, ["lia"], consented);
            Assert.True((read.StatusCode == HttpStatusCode.OK) == expected.Contains("Condition/" + id), $"read of {id} with consent '{consent}': {(int)read.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(StoreBackends.Names), MemberType = typeof(StoreBackends))]
    public async Task Search_PlanUnlocksRestrictedWithOneCategory_ThatConsentShowsIt(string backend)
    {
        await using var host = await backends.FreshAsync(backend, new Dictionary<string, string?> { ["Access:RestrictedConfidentialityUnlockedBy"] = "MH" });
        await host.ImportAsync(Data());

        using var search = await host.GetAsMemberAsync("/r4/Condition", ["lia"], ["MH"]);

        Assert.Equal(UnlockedByMh.Select(id => "Condition/" + id).Order(), Fhir.Ids(await Fhir.JsonAsync(search)).Order());
    }
}
