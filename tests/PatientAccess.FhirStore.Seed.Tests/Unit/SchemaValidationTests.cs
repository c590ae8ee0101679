using System.Text.Json;
using PatientAccess.Fhir.Validation;
using PatientAccess.FhirStore.Seed.Tests.Fixtures;

namespace PatientAccess.FhirStore.Seed.Tests.Unit;

public sealed class SchemaValidationTests
{
    [Fact]
    public void Generate_EveryResource_ValidatesAgainstTheR4Schema()
    {
        var validator = FhirSchemaValidator.Default;
        var failures = new List<string>();
        foreach (var resource in GeneratedData.Resources)
        {
            using var document = JsonDocument.Parse(resource.ToUtf8Bytes());
            var errors = validator.Validate(document.RootElement);
            if (errors.Count > 0)
            {
                failures.Add($"{resource.Reference}: {string.Join("; ", errors.Take(3))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public void Validate_BrokenGeneratedResource_IsRejected()
    {
        var patient = GeneratedData.Resources.First(r => r.ResourceType == "Patient");
        var broken = JsonDocument.Parse(System.Text.Encoding.UTF8.GetString(patient.ToUtf8Bytes()).Replace("\"birthDate\":\"", "\"birthDate\":\"x", StringComparison.Ordinal));

        Assert.NotEmpty(FhirSchemaValidator.Default.Validate(broken.RootElement));
        broken.Dispose();
    }
}
