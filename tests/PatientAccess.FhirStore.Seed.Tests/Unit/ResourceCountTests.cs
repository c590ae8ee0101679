using System.Text.RegularExpressions;

namespace PatientAccess.FhirStore.Seed.Tests.Unit;

public sealed partial class ResourceCountTests
{
    private static readonly string[] MemberTypes =
    [
        "Patient", "Coverage", "ExplanationOfBenefit", "Condition", "Observation", "Encounter", "MedicationRequest",
        "Immunization", "DiagnosticReport", "CareTeam", "Provenance",
    ];

    private static readonly string[] SharedTypes = ["Organization", "Practitioner", "PractitionerRole", "Location", "Medication"];

    [Fact]
    public void Generate_FourTimesTheMembers_ScalesMemberResourcesAndKeepsSharedOnes()
    {
        var small = CountByType(SyntheticDataGenerator.Generate(50, 5));
        var large = CountByType(SyntheticDataGenerator.Generate(200, 5));

        foreach (var type in MemberTypes)
        {
            var ratio = (double)large[type] / small[type];
            Assert.InRange(ratio, 2.5, 5.0);
        }

        foreach (var type in SharedTypes)
        {
            Assert.Equal(small[type], large[type]);
        }
    }

    [Fact]
    public void Generate_NMembers_WritesOnePatientAndCoveragePerMemberPlusTheFixedFive()
    {
        var counts = CountByType(SyntheticDataGenerator.Generate(37, 5));

        Assert.Equal(37 + 5, counts["Patient"]);
        Assert.Equal(37 + 5, counts["Coverage"]);
        Assert.Equal(37 + 5, counts["Provenance"]);
    }

    [Fact]
    public void Generate_ZeroMembers_StillWritesDemoMemberAndFamily()
    {
        var patients = SyntheticDataGenerator.Generate(0, 5).Where(r => r.ResourceType == "Patient").Select(r => r.Id).ToArray();

        Assert.Equal(["demo-john-allen", "family-rivera-subscriber", "family-rivera-spouse", "family-rivera-child1", "family-rivera-child2"], patients);
    }

    [Fact]
    public void Generate_EveryFirstClassType_IsPresent()
    {
        var types = Fixtures.GeneratedData.Resources.Select(r => r.ResourceType).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "ExplanationOfBenefit", "Coverage", "Organization", "Patient", "Practitioner", "PractitionerRole", "Location",
                "AllergyIntolerance", "Condition", "Observation", "MedicationRequest", "Medication", "Procedure", "Immunization",
                "Encounter", "DiagnosticReport", "DocumentReference", "CarePlan", "Goal", "CareTeam", "Provenance",
            },
            types);
    }

    [Fact]
    public void Generate_RandomMembers_AverageAboutOneHundredResourcesEach()
    {
        var resources = Fixtures.GeneratedData.Population;
        var memberResources = resources.Count(r => RandomMemberId().IsMatch(r.Id));
        var perMember = memberResources / 400.0;

        Assert.InRange(perMember, 60, 160);
    }

    /// <summary>Ids of random members' resources: <c>pat-000123</c>, <c>eob-000123-004</c>.</summary>
    [GeneratedRegex("^[a-z]+-[0-9]{6}(-[0-9]{3,})?$")]
    private static partial Regex RandomMemberId();

    private static Dictionary<string, int> CountByType(IEnumerable<GeneratedResource> resources) =>
        resources.GroupBy(r => r.ResourceType).ToDictionary(g => g.Key, g => g.Count());
}
