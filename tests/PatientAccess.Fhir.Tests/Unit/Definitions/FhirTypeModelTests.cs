using PatientAccess.Fhir.Definitions;

namespace PatientAccess.Fhir.Tests.Unit.Definitions;

public sealed class FhirTypeModelTests
{
    private static readonly FhirTypeModel Model = FhirTypeModel.Default;

    [Theory]
    [InlineData("Patient", "name", "HumanName", true)]
    [InlineData("Patient", "birthDate", "date", false)]
    [InlineData("Patient", "gender", "code", false)]
    [InlineData("Patient", "link", "Patient_Link", true)]
    [InlineData("Patient", "contained", "ResourceList", true)]
    [InlineData("Patient", "deceasedBoolean", "boolean", false)]
    [InlineData("Observation", "effectiveDateTime", "dateTime", false)]
    [InlineData("Observation", "valueQuantity", "Quantity", false)]
    public void TryGetElement_DeclaredElement_GivesTypeAndCardinality(string type, string name, string elementType, bool isArray)
    {
        Assert.True(Model.TryGetElement(type, name, out var element));

        Assert.Equal(new FhirElementDefinition(name, elementType, isArray), element);
    }

    [Fact]
    public void GetChoiceElements_ObservationValue_ListsEveryConcreteElement()
    {
        var choices = Model.GetChoiceElements("Observation", "value").Select(c => $"{c.Name}:{c.TypeName}").Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "valueBoolean:boolean", "valueCodeableConcept:CodeableConcept", "valueDateTime:dateTime", "valueInteger:integer",
                "valuePeriod:Period", "valueQuantity:Quantity", "valueRange:Range", "valueRatio:Ratio", "valueSampledData:SampledData",
                "valueString:string", "valueTime:time",
            ],
            choices);
    }

    [Fact]
    public void GetChoiceElements_DeclaredElementName_ReturnsNothing()
    {
        Assert.Empty(Model.GetChoiceElements("Patient", "name"));
        Assert.False(Model.TryGetElement("Observation", "value", out _));
    }

    [Fact]
    public void ResourceTypes_Schema_ContainsResourcesButNotBackboneTypes()
    {
        Assert.Contains("ExplanationOfBenefit", Model.ResourceTypes);
        Assert.Contains("Patient", Model.ResourceTypes);
        Assert.DoesNotContain("Patient_Link", Model.ResourceTypes);
        Assert.DoesNotContain("HumanName", Model.ResourceTypes);
        Assert.DoesNotContain("ViewDefinitionSelect", Model.ResourceTypes);
    }
}
