using PatientAccess.FhirStore.Storage;

namespace PatientAccess.FhirStore.Tests.Unit.Storage;

/// <summary>Issue 12, item 15: the spellings a sensitivity label arrives in, and what unlocks R and V.</summary>
public sealed class SecurityLabelsTests
{
    [Theory]
    [InlineData("http://terminology.hl7.org/CodeSystem/v3-ActCode", "ETH", "ETH")]
    [InlineData("http://hl7.org/fhir/v3/ActCode", "HIV", "HIV")]
    [InlineData("urn:oid:2.16.840.1.113883.5.4", "psy", "PSY")]
    [InlineData("HTTPS://Terminology.HL7.org/CodeSystem/v3-ActCode/", " mh ", "MH")]
    [InlineData(null, "sdv", "SDV")]
    [InlineData("", "GDIS", "GDIS")]
    [InlineData("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "R")]
    [InlineData("http://hl7.org/fhir/v3/Confidentiality", "v", "V")]
    [InlineData("urn:oid:2.16.840.1.113883.5.25", "R", "R")]
    [InlineData(null, "r", "R")]
    [InlineData("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "N", null)]
    [InlineData("http://terminology.hl7.org/CodeSystem/v3-ActCode", "HRELIABLE", null)]
    [InlineData("http://example.org/local", "HIV", null)]
    [InlineData("http://terminology.hl7.org/CodeSystem/v3-ActCode", "", null)]
    public void Normalize_Spelling_TheLabelOrNone(string? system, string code, string? expected) =>
        Assert.Equal(expected, SecurityLabels.Normalize(system, code));

    [Fact]
    public void Unlocked_SomeCategories_ThoseOnlyUpperCased()
    {
        var unlocked = SecurityLabels.Unlocked(["eth", "MH", "unknown"], ["ETH", "MH", "HIV"]);

        Assert.Equal(["ETH", "MH"], unlocked.Order());
    }

    [Fact]
    public void Unlocked_EveryCategoryOfTheUnlockList_AddsRAndV()
    {
        var unlocked = SecurityLabels.Unlocked(["ETH", "MH"], ["ETH", "MH"]);

        Assert.Contains(SecurityLabels.Restricted, unlocked);
        Assert.Contains(SecurityLabels.VeryRestricted, unlocked);
    }

    [Fact]
    public void Unlocked_RAndVClaimedDirectly_NotUnlocked()
    {
        // Only consent to the plan's categories unlocks them, never a context that names them.
        var unlocked = SecurityLabels.Unlocked(["R", "V"], ["ETH"]);

        Assert.Empty(unlocked);
    }
}
