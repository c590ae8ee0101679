using PatientAccess.FhirStore.Seed.Terminology;
using PatientAccess.FhirStore.Seed.Tests.Fixtures;

namespace PatientAccess.FhirStore.Seed.Tests.Unit;

public sealed class SensitivityLabelTests
{
    [Fact]
    public void Generate_Population_CarriesEverySensitiveCategory()
    {
        var codes = GeneratedData.Population
            .Where(r => !r.Id.StartsWith("demo-", StringComparison.Ordinal) && !r.Id.Contains("-demo-", StringComparison.Ordinal))
            .SelectMany(GeneratedData.SecurityCodes)
            .ToHashSet();

        Assert.Equal(SensitivityCategory.All.Select(c => c.Code).ToHashSet(), codes);
    }

    [Fact]
    public void Generate_Population_LabelsAFewPercentOfResources()
    {
        var resources = GeneratedData.Population;
        var labeled = resources.Count(r => GeneratedData.SecurityCodes(r).Count > 0);
        var share = (double)labeled / resources.Count;

        Assert.InRange(share, 0.01, 0.08);
    }

    [Fact]
    public void Generate_LabeledResources_CarryOneActCodeAndRestrictedConfidentiality()
    {
        var labeled = GeneratedData.Resources.Where(r => GeneratedData.SecurityCodes(r).Count > 0).ToArray();

        Assert.NotEmpty(labeled);
        Assert.All(labeled, r =>
        {
            Assert.Single(GeneratedData.SecurityCodes(r));
            Assert.Contains(r.Json["meta"]!["security"]!.AsArray(), c =>
                (string?)c!["system"] == "http://terminology.hl7.org/CodeSystem/v3-Confidentiality" && (string?)c["code"] == "R");
        });
    }

    [Fact]
    public void Generate_SharedResources_AreNeverLabeled()
    {
        var shared = GeneratedData.Resources.Where(r => r.ResourceType is "Organization" or "Practitioner" or "PractitionerRole" or "Location" or "Medication");

        Assert.All(shared, r => Assert.Empty(GeneratedData.SecurityCodes(r)));
    }

    [Fact]
    public void Generate_Provenance_NeverTargetsALabeledResource()
    {
        var labeled = GeneratedData.Resources.Where(r => GeneratedData.SecurityCodes(r).Count > 0).Select(r => r.Reference).ToHashSet();
        var targets = GeneratedData.Resources
            .Where(r => r.ResourceType == "Provenance")
            .SelectMany(r => r.Json["target"]!.AsArray().Select(t => (string)t!["reference"]!));

        Assert.DoesNotContain(targets, labeled.Contains);
    }

    [Fact]
    public void Generate_LabeledEpisode_LabelsItsEncountersWithTheCondition()
    {
        var encounters = GeneratedData.Resources
            .Where(r => r.ResourceType == "Encounter" && r.Json["reasonReference"] is not null)
            .ToArray();
        var conditions = GeneratedData.Resources.Where(r => r.ResourceType == "Condition").ToDictionary(r => r.Reference);

        Assert.All(encounters, e =>
        {
            var condition = conditions[(string)e.Json["reasonReference"]![0]!["reference"]!];
            Assert.Equal(GeneratedData.SecurityCodes(condition), GeneratedData.SecurityCodes(e));
        });
    }
}
