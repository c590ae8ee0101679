using System.Text.RegularExpressions;
using PatientAccess.FhirStore.Seed.Tests.Fixtures;

namespace PatientAccess.FhirStore.Seed.Tests.Unit;

public sealed partial class ReferentialIntegrityTests
{
    [Fact]
    public void Generate_AllIds_AreUniqueAndValidFhirIds()
    {
        var resources = GeneratedData.Resources;

        Assert.Equal(resources.Count, resources.Select(r => r.Reference).Distinct().Count());
        Assert.Equal(resources.Count, resources.Select(r => r.Id).Distinct().Count());
        Assert.All(resources, r => Assert.Matches(FhirId(), r.Id));
    }

    [Fact]
    public void Generate_EveryResource_HasResourceTypeAndIdMatchingItsEnvelope()
    {
        Assert.All(GeneratedData.Resources, r =>
        {
            Assert.Equal(r.ResourceType, (string?)r.Json["resourceType"]);
            Assert.Equal(r.Id, (string?)r.Json["id"]);
            Assert.NotNull(r.Json["meta"]?["lastUpdated"]);
        });
    }

    [Fact]
    public void Generate_EveryReference_ResolvesWithinTheGeneratedSet()
    {
        var known = GeneratedData.Population.Select(r => r.Reference).ToHashSet(StringComparer.Ordinal);

        var dangling = GeneratedData.Population
            .SelectMany(r => GeneratedData.References(r.Json).Select(reference => (r.Reference, Target: reference)))
            .Where(x => !known.Contains(x.Target))
            .Take(10)
            .ToArray();

        Assert.Empty(dangling);
    }

    [Fact]
    public void Generate_MemberResources_ReferenceOnlyTheirOwnPatient()
    {
        foreach (var resource in GeneratedData.Resources)
        {
            var patients = GeneratedData.References(resource.Json).Where(r => r.StartsWith("Patient/", StringComparison.Ordinal)).Distinct().ToArray();
            if (resource.ResourceType == "Coverage")
            {
                // A dependent's Coverage names the subscriber as well as the beneficiary.
                Assert.InRange(patients.Length, 1, 2);
            }
            else
            {
                Assert.True(patients.Length <= 1, $"{resource.Reference} refers to {string.Join(", ", patients)}");
            }
        }
    }

    [Fact]
    public void Generate_Npis_HaveValidCheckDigits()
    {
        var npis = GeneratedData.Resources
            .Where(r => r.ResourceType is "Organization" or "Practitioner")
            .SelectMany(r => r.Json["identifier"]!.AsArray())
            .Where(i => (string?)i!["system"] == "http://hl7.org/fhir/sid/us-npi")
            .Select(i => (string)i!["value"]!)
            .ToArray();

        Assert.NotEmpty(npis);
        Assert.Equal(npis.Length, npis.Distinct().Count());
        Assert.All(npis, npi => Assert.True(Providers.Npi.IsValid(npi), npi));
        Assert.True(Providers.Npi.IsValid("1234567893"));
        Assert.False(Providers.Npi.IsValid("1234567890"));
    }

    [Fact]
    public void Generate_MemberIds_AreUnique()
    {
        var memberIds = GeneratedData.Population
            .Where(r => r.ResourceType == "Patient")
            .Select(r => (string)r.Json["identifier"]![0]!["value"]!)
            .ToArray();

        Assert.Equal(memberIds.Length, memberIds.Distinct().Count());
    }

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex FhirId();
}
