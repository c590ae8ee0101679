using PatientAccess.Fhir.Search;

namespace PatientAccess.Fhir.Tests.Unit.Search;

public sealed class SearchParameterRegistryTests
{
    private static readonly SearchParameterRegistry Registry = SearchParameterRegistry.Default;

    [Fact]
    public void ResourceTypes_EmbeddedDefinitions_AreTheServedTypes()
    {
        string[] served =
        [
            "AllergyIntolerance", "CarePlan", "CareTeam", "Condition", "Coverage", "DiagnosticReport", "DocumentReference",
            "Encounter", "ExplanationOfBenefit", "Goal", "Immunization", "Location", "Medication", "MedicationRequest",
            "Observation", "Organization", "Patient", "Practitioner", "PractitionerRole", "Procedure", "Provenance",
        ];

        Assert.Equal(served, Registry.ResourceTypes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TryGet_MultiTypeParameter_RestrictsExpressionToAskedType()
    {
        Assert.True(Registry.TryGet("Patient", "family", out var family));

        Assert.Equal(SearchParamType.String, family.Type);
        Assert.Equal("Patient.name.family", family.Expression!.Text);
        Assert.Equal("http://hl7.org/fhir/SearchParameter/individual-family", family.Url);
    }

    [Fact]
    public void TryGet_ClinicalPatient_KeepsWhereResolveBranchAndTargets()
    {
        Assert.True(Registry.TryGet("Observation", "patient", out var patient));

        Assert.Equal(SearchParamType.Reference, patient.Type);
        Assert.Equal("Observation.subject.where(resolve() is Patient)", patient.Expression!.Text);
        Assert.Equal(["Patient"], patient.Targets);
    }

    [Fact]
    public void TryGet_ChoiceTypeParameter_KeepsAllBranchesOfType()
    {
        Assert.True(Registry.TryGet("Observation", "value-quantity", out var valueQuantity));

        Assert.Equal(SearchParamType.Quantity, valueQuantity.Type);
        Assert.Equal("(Observation.value as Quantity) | (Observation.value as SampledData)", valueQuantity.Expression!.Text);
    }

    [Theory]
    [InlineData("_id", SearchParamType.Token, "Resource.id")]
    [InlineData("_lastUpdated", SearchParamType.Date, "Resource.meta.lastUpdated")]
    [InlineData("_tag", SearchParamType.Token, "Resource.meta.tag")]
    [InlineData("_security", SearchParamType.Token, "Resource.meta.security")]
    [InlineData("_profile", SearchParamType.Uri, "Resource.meta.profile")]
    [InlineData("_source", SearchParamType.Uri, "Resource.meta.source")]
    public void TryGet_CommonParameter_FoundOnEveryType(string code, SearchParamType type, string expression)
    {
        foreach (var resourceType in Registry.ResourceTypes)
        {
            Assert.True(Registry.TryGet(resourceType, code, out var parameter), $"{resourceType}.{code}");
            Assert.Equal(type, parameter.Type);
            Assert.Equal(expression, parameter.Expression!.Text);
            Assert.True(parameter.IsCommon);
        }
    }

    [Fact]
    public void TryGet_ParameterWithoutExpression_HasNullExpression()
    {
        Assert.True(Registry.TryGet("Condition", "_text", out var text));

        Assert.Null(text.Expression);
        Assert.Equal(SearchParamType.String, text.Type);
    }

    [Fact]
    public void TryGet_DateParameter_ExposesComparators()
    {
        Assert.True(Registry.TryGet("Patient", "birthdate", out var birthdate));

        Assert.Equal(["eq", "ne", "gt", "ge", "lt", "le", "sa", "eb", "ap"], birthdate.Comparators);
    }

    [Fact]
    public void TryGet_CompositeParameter_ExposesComponents()
    {
        Assert.True(Registry.TryGet("Observation", "code-value-quantity", out var composite));

        Assert.Equal(SearchParamType.Composite, composite.Type);
        Assert.Equal(
            ["http://hl7.org/fhir/SearchParameter/clinical-code", "http://hl7.org/fhir/SearchParameter/Observation-value-quantity"],
            composite.Components.Select(c => c.Definition));
        Assert.Equal("value.as(Quantity)", composite.Components[1].Expression.Text);
        Assert.True(Registry.TryGetByUrl("Observation", composite.Components[0].Definition, out var code));
        Assert.Equal("code", code.Code);
    }

    [Theory]
    [InlineData("Patient", "beneficiary")]
    [InlineData("Organization", "birthdate")]
    [InlineData("Basic", "code")]
    public void TryGet_UnknownPair_ReturnsFalse(string resourceType, string code)
    {
        Assert.False(Registry.TryGet(resourceType, code, out _));
    }

    [Fact]
    public void GetAll_Coverage_ListsOfficialParametersInCodeOrder()
    {
        var codes = Registry.GetAll("Coverage").Where(p => !p.IsCommon).Select(p => p.Code);

        Assert.Equal(
            ["beneficiary", "class-type", "class-value", "dependent", "identifier", "patient", "payor", "policy-holder", "status", "subscriber", "type"],
            codes);
    }

    [Fact]
    public void GetAll_EveryReferenceParameter_HasExpressionAndTargets()
    {
        var references = Registry.ResourceTypes.SelectMany(Registry.GetAll).Where(p => p.Type == SearchParamType.Reference).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, p =>
        {
            Assert.NotNull(p.Expression);
            Assert.NotEmpty(p.Targets);
        });
    }
}
