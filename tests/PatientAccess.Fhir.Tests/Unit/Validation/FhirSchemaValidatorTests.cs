using PatientAccess.Fhir.Tests.Fixtures;
using PatientAccess.Fhir.Validation;

namespace PatientAccess.Fhir.Tests.Unit.Validation;

public sealed class FhirSchemaValidatorTests
{
    private static readonly FhirSchemaValidator Validator = FhirSchemaValidator.Default;

    [Theory]
    [MemberData(nameof(FhirResources.All), MemberType = typeof(FhirResources))]
    public void Validate_ValidResource_ReturnsNoErrors(string json)
    {
        var errors = Validator.Validate(FhirResources.Parse(json));

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_UnknownResourceType_ReportsResourceType()
    {
        var errors = Validator.Validate(FhirResources.With(FhirResources.Patient, "resourceType", "\"Patinet\""));

        var error = Assert.Single(errors);
        Assert.Equal("resourceType", error.Path);
        Assert.Equal("resourceType: 'Patinet' is not a known FHIR R4 resource type", error.ToString());
    }

    [Fact]
    public void Validate_MissingResourceType_ReportsResourceType()
    {
        var errors = Validator.Validate(FhirResources.Without(FhirResources.Patient, "resourceType"));

        Assert.Equal("resourceType", Assert.Single(errors).Path);
    }

    [Fact]
    public void Validate_UnknownProperty_ReportsPropertyPath()
    {
        var errors = Validator.Validate(FhirResources.With(FhirResources.Patient, "favouriteColour", "\"blue\""));

        Assert.Equal(
            "Patient.favouriteColour: unknown property: 'favouriteColour' is not an element of Patient",
            Assert.Single(errors).ToString());
    }

    [Fact]
    public void Validate_ImpossibleBirthDate_ReportsPattern()
    {
        var errors = Validator.Validate(FhirResources.With(FhirResources.Patient, "birthDate", "\"1950-13-45\""));

        var error = Assert.Single(errors);
        Assert.Equal("Patient.birthDate", error.Path);
        Assert.StartsWith("Patient.birthDate: '1950-13-45' does not match pattern ^([0-9]", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StringForBoolean_ReportsType()
    {
        var errors = Validator.Validate(FhirResources.With(FhirResources.Patient, "active", "\"yes\""));

        Assert.Equal("Patient.active: expected a boolean but found string 'yes'", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Validate_MissingRequiredElement_ReportsOwnerPath()
    {
        var errors = Validator.Validate(FhirResources.Without(FhirResources.WeightObservation, "code"));

        Assert.Equal("Observation: missing required property 'code' (Observation)", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Validate_MissingRequiredNestedElement_ReportsIndexedPath()
    {
        var errors = Validator.Validate(FhirResources.With(FhirResources.Patient, "link", """[{ "type": "replaces" }]"""));

        Assert.Equal("Patient.link[0]: missing required property 'other' (Patient_Link)", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Validate_BadNestedElements_ReportsEachWithPath()
    {
        var errors = Validator.Validate(FhirResources.With(
            FhirResources.Patient,
            "name",
            """[{ "family": "Allen", "given": "John" }, { "family": 7, "period": { "start": "yesterday" } }, "Allen"]"""));

        Assert.Equal(
            [
                "Patient.name[0].given: expected an array but found string 'John'",
                "Patient.name[1].family: expected a string but found number 7",
                "Patient.name[1].period.start: 'yesterday' does not match pattern",
                "Patient.name[2]: expected an object but found string 'Allen'",
            ],
            errors.Select(e => e.ToString().Split(" ^")[0]));
    }

    [Fact]
    public void Validate_CodeOutsideEnum_ListsAllowedCodes()
    {
        var errors = Validator.Validate(FhirResources.With(FhirResources.Patient, "gender", "\"mal\""));

        Assert.Equal("Patient.gender: string 'mal' is not one of: female, male, other, unknown", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Validate_InvalidContainedResource_ReportsPathInsideContained()
    {
        var errors = Validator.Validate(FhirResources.With(
            FhirResources.ExplanationOfBenefit,
            "contained",
            """[{ "resourceType": "Patient", "id": "p1", "birthDate": "19501019" }, { "resourceType": "Nonsense" }]"""));

        Assert.Equal(["ExplanationOfBenefit.contained[0].birthDate", "ExplanationOfBenefit.contained[1].resourceType"], errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("\"john-allen\\n\"")]
    [InlineData("\"john allen\"")]
    [InlineData("\"\"")]
    public void Validate_MalformedId_ReportsPattern(string id)
    {
        var errors = Validator.Validate(FhirResources.With(FhirResources.Patient, "id", id));

        Assert.Equal("Patient.id", Assert.Single(errors).Path);
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("1.5", 1)]
    [InlineData("2", 0)]
    public void Validate_PositiveIntSequence_AppliesPatternToNumberText(string sequence, int expectedErrors)
    {
        var errors = Validator.Validate(FhirResources.With(FhirResources.Encounter, "length.value", "30"));
        Assert.Empty(errors);

        var eob = FhirResources.With(FhirResources.ExplanationOfBenefit, "careTeam", $$"""[{ "sequence": {{sequence}}, "provider": { "reference": "Practitioner/x" } }]""");

        Assert.Equal(expectedErrors, Validator.Validate(eob).Count);
    }

    [Fact]
    public void Validate_NotAnObject_ReportsResource()
    {
        var errors = Validator.Validate(FhirResources.Parse("[1, 2]"));

        Assert.Equal("(resource): expected a resource (object) but found an array", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Validate_MalformedJson_ReportsInsteadOfThrowing()
    {
        var errors = Validator.Validate("{ \"resourceType\": \"Patient\", ");

        Assert.StartsWith("(resource): malformed JSON", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManyErrors_StopsAtMaxErrors()
    {
        var names = string.Join(",", Enumerable.Range(0, 500).Select(i => $$"""{ "family": {{i}} }"""));

        var errors = Validator.Validate(FhirResources.With(FhirResources.Patient, "name", $"[{names}]"));

        Assert.Equal(FhirSchemaValidator.MaxErrors, errors.Count);
    }
}
