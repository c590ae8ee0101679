using PatientAccess.Fhir.Compartment;
using PatientAccess.Fhir.Search;

namespace PatientAccess.Fhir.Tests.Unit.Compartment;

public sealed class PatientCompartmentTests
{
    private static readonly PatientCompartment Compartment = PatientCompartment.Default;

    [Theory]
    [InlineData("ExplanationOfBenefit", new[] { "patient", "payee" })]
    [InlineData("Coverage", new[] { "policy-holder", "subscriber", "beneficiary", "payor" })]
    [InlineData("Patient", new[] { "link" })]
    [InlineData("Observation", new[] { "subject", "performer" })]
    [InlineData("Condition", new[] { "patient", "asserter" })]
    [InlineData("Provenance", new[] { "patient" })]
    public void GetLinkParameters_CompartmentType_ReturnsOfficialParameters(string resourceType, string[] expected)
    {
        Assert.True(Compartment.Contains(resourceType));
        Assert.Equal(expected, Compartment.GetLinkParameters(resourceType));
    }

    [Theory]
    [InlineData("Organization")]
    [InlineData("Practitioner")]
    [InlineData("PractitionerRole")]
    [InlineData("Location")]
    [InlineData("Medication")]
    [InlineData("NotAType")]
    public void Contains_SharedType_ReturnsFalse(string resourceType)
    {
        Assert.False(Compartment.Contains(resourceType));
        Assert.Empty(Compartment.GetLinkParameters(resourceType));
    }

    [Fact]
    public void GetLinkParameters_EveryServedType_NamesReferenceParametersOfTheRegistry()
    {
        var registry = SearchParameterRegistry.Default;
        foreach (var resourceType in registry.ResourceTypes.Where(Compartment.Contains))
        {
            foreach (var code in Compartment.GetLinkParameters(resourceType))
            {
                Assert.True(registry.TryGet(resourceType, code, out var parameter), $"{resourceType}.{code}");
                Assert.Equal(SearchParamType.Reference, parameter.Type);
            }
        }
    }
}
