using PatientAccess.Fhir.Compartment;
using PatientAccess.Fhir.Search;

namespace PatientAccess.Fhir.Tests.Unit.Compartment;

/// <summary>Issue 12, item 6: membership by the parameters that name the record's subject, and nothing else.</summary>
public sealed class MemberCompartmentTests
{
    private static readonly MemberCompartment Compartment = MemberCompartment.Default;

    /// <summary>The roles the official definition lists that do not make a record the member's own.</summary>
    private static readonly string[] NotSubject =
        ["performer", "asserter", "author", "recorder", "participant", "payee", "payor", "subscriber", "policy-holder", "link"];

    [Theory]
    [InlineData("Observation", new[] { "subject", "patient" })]
    [InlineData("Coverage", new[] { "beneficiary" })]
    [InlineData("ExplanationOfBenefit", new[] { "patient" })]
    [InlineData("AllergyIntolerance", new[] { "patient" })]
    [InlineData("DocumentReference", new[] { "subject", "patient" })]
    public void GetSubjectParameters_Type_SubjectParametersOnly(string resourceType, string[] expected) =>
        Assert.Equal(expected, Compartment.GetSubjectParameters(resourceType));

    [Theory]
    [InlineData("Patient")]
    [InlineData("Organization")]
    [InlineData("Practitioner")]
    [InlineData("Medication")]
    public void GetSubjectParameters_NoSubject_Empty(string resourceType) =>
        Assert.Empty(Compartment.GetSubjectParameters(resourceType));

    [Fact]
    public void GetSubjectParameters_EveryType_ReferenceParametersThatCanNamePatientAndNoOtherRole()
    {
        foreach (var type in Compartment.ResourceTypes)
        {
            foreach (var code in Compartment.GetSubjectParameters(type))
            {
                Assert.True(SearchParameterRegistry.Default.TryGet(type, code, out var definition), $"{type}.{code} is not a search parameter");
                Assert.Equal(SearchParamType.Reference, definition.Type);
                Assert.Contains("Patient", definition.Targets);
                Assert.DoesNotContain(code, NotSubject);
            }
        }
    }

    [Fact]
    public void ResourceTypes_EveryOfficialCompartmentTypeTheStoreServes_HasASubject()
    {
        // Every type the official definition puts in a compartment through a subject keeps one here;
        // only the roles were dropped, never a type.
        string[] served =
        [
            "AllergyIntolerance", "CarePlan", "CareTeam", "Condition", "Coverage", "DiagnosticReport", "DocumentReference", "Encounter",
            "ExplanationOfBenefit", "Goal", "Immunization", "MedicationRequest", "Observation", "Procedure", "Provenance",
        ];

        foreach (var type in served)
        {
            Assert.True(PatientCompartment.Default.Contains(type), type);
            Assert.NotEmpty(Compartment.GetSubjectParameters(type));
        }
    }
}
