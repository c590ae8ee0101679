using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Terminology;
using PatientAccess.FhirStore.Seed.Tests.Fixtures;

namespace PatientAccess.FhirStore.Seed.Tests.Unit;

public sealed class DemoMemberTests
{
    [Fact]
    public void Generate_DemoMember_HasExactIdentityFields()
    {
        var patient = GeneratedData.Get("Patient", DemoMember.PatientId).Json;

        Assert.Equal("demo-john-allen", DemoMember.PatientId);
        Assert.Equal("John", (string?)patient["name"]![0]!["given"]![0]);
        Assert.Equal("Allen", (string?)patient["name"]![0]!["family"]);
        Assert.Equal("1950-10-19", (string?)patient["birthDate"]);
        Assert.Equal("male", (string?)patient["gender"]);
        var identifier = patient["identifier"]![0]!;
        Assert.Equal("123456789123", (string?)identifier["value"]);
        Assert.Equal(CodeSystems.MemberId, (string?)identifier["system"]);
        Assert.Equal("MB", (string?)identifier["type"]!["coding"]![0]!["code"]);
        Assert.Equal("http://terminology.hl7.org/CodeSystem/v2-0203", (string?)identifier["type"]!["coding"]![0]!["system"]);
        var address = patient["address"]![0]!;
        Assert.Equal("02114", (string?)address["postalCode"]);
        Assert.Equal("Boston", (string?)address["city"]);
        Assert.Equal("MA", (string?)address["state"]);
        Assert.NotEmpty(address["line"]!.AsArray());
        Assert.NotEmpty(patient["telecom"]!.AsArray());
    }

    [Fact]
    public void Generate_DemoMember_HasActiveCoverageOnThePayer()
    {
        var coverage = GeneratedData.Get("Coverage", DemoMember.CoverageId).Json;

        Assert.Equal("active", (string?)coverage["status"]);
        Assert.Equal("Patient/demo-john-allen", (string?)coverage["beneficiary"]!["reference"]);
        Assert.Equal("Patient/demo-john-allen", (string?)coverage["subscriber"]!["reference"]);
        Assert.Equal(DemoMember.MemberId, (string?)coverage["subscriberId"]);
        Assert.Equal("self", (string?)coverage["relationship"]!["coding"]![0]!["code"]);
        Assert.Equal("Organization/org-payer", (string?)coverage["payor"]![0]!["reference"]);
        Assert.Equal(["group", "plan"], coverage["class"]!.AsArray().Select(c => (string)c!["type"]!["coding"]![0]!["code"]!));
    }

    [Fact]
    public void Generate_DemoMember_HasEveryKindOfClaim()
    {
        var profiles = GeneratedData.OfPatient(GeneratedData.Resources, DemoMember.PatientId)
            .Where(r => r.ResourceType == "ExplanationOfBenefit")
            .Select(r => (string)r.Json["meta"]!["profile"]![0]!)
            .ToHashSet();

        Assert.Equal(4, profiles.Count);
        Assert.Contains("http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Inpatient-Institutional", profiles);
        Assert.Contains("http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Pharmacy", profiles);
    }

    [Fact]
    public void Generate_DemoMember_HasFullClinicalRecord()
    {
        var types = GeneratedData.OfPatient(GeneratedData.Resources, DemoMember.PatientId).Select(r => r.ResourceType).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                "Patient", "Coverage", "ExplanationOfBenefit", "Condition", "Observation", "AllergyIntolerance", "MedicationRequest",
                "Procedure", "Immunization", "Encounter", "DiagnosticReport", "DocumentReference", "CarePlan", "Goal", "CareTeam", "Provenance",
            },
            types);
    }

    [Fact]
    public void Generate_DemoMember_HasEverySensitiveCategory()
    {
        var codes = GeneratedData.OfPatient(GeneratedData.Resources, DemoMember.PatientId).SelectMany(GeneratedData.SecurityCodes).ToHashSet();

        Assert.Equal(["ETH", "PSY", "MH", "HIV", "SEX", "STD", "GDIS", "SDV"], SensitivityCategory.All.Select(c => c.Code));
        Assert.Superset(SensitivityCategory.All.Select(c => c.Code).ToHashSet(), codes);
    }

    [Theory]
    [InlineData("F10.20", "ETH")]
    [InlineData("F32.9", "PSY")]
    [InlineData("B20", "HIV")]
    public void Generate_DemoMemberSensitiveCondition_IsLabeledWithItsCategory(string icd10, string label)
    {
        var conditions = GeneratedData.OfPatient(GeneratedData.Resources, DemoMember.PatientId)
            .Where(r => r.ResourceType == "Condition" && (string?)r.Json["code"]!["coding"]![0]!["code"] == icd10)
            .ToArray();
        var claims = GeneratedData.OfPatient(GeneratedData.Resources, DemoMember.PatientId)
            .Where(r => r.ResourceType == "ExplanationOfBenefit"
                && r.Json["diagnosis"]?.AsArray().Any(d => (string?)d!["diagnosisCodeableConcept"]!["coding"]![0]!["code"] == icd10) == true)
            .ToArray();

        Assert.Single(conditions);
        Assert.Equal([label], GeneratedData.SecurityCodes(conditions[0]));
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.Equal([label], GeneratedData.SecurityCodes(c)));
    }
}
