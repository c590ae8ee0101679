using PatientAccess.Fhir.FhirPath;

namespace PatientAccess.Fhir.Tests.Unit.FhirPath;

public sealed class FhirReferenceTests
{
    [Theory]
    [InlineData("Patient/123", null, "Patient", "123", null, null)]
    [InlineData("Patient/123/_history/4", null, "Patient", "123", "4", null)]
    [InlineData("https://fhir.example.org/r4/Patient/123", null, "Patient", "123", null, "https://fhir.example.org/r4/Patient/123")]
    [InlineData("123", "Patient", "Patient", "123", null, null)]
    [InlineData("urn:uuid:9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", null, null, null, null, "urn:uuid:9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d")]
    [InlineData("https://example.org/fhir/metadata", null, null, null, null, "https://example.org/fhir/metadata")]
    public void Parse_SupportedForms_GivesParts(string reference, string? typeHint, string? type, string? id, string? version, string? url)
    {
        Assert.Equal(new FhirReference(type, id, version, url), FhirReference.Parse(reference, typeHint));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("#contained-1")]
    [InlineData("Patient?identifier=123")]
    [InlineData("123")]
    [InlineData("patient/123")]
    [InlineData("Patient/has space")]
    public void Parse_UnsearchableForms_ReturnsNull(string? reference)
    {
        Assert.Null(FhirReference.Parse(reference));
    }
}
