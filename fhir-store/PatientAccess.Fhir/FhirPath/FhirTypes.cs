using System.Text.Json;
using PatientAccess.Fhir.Definitions;

namespace PatientAccess.Fhir.FhirPath;

/// <summary>Type tests for <c>is</c>, <c>as</c> and <c>ofType</c>.</summary>
internal static class FhirTypes
{
    // Profiles of Quantity that the schema names as types of their own.
    private static readonly HashSet<string> QuantityProfiles = new(StringComparer.Ordinal)
    {
        "Age", "Count", "Distance", "Duration", "SimpleQuantity", "MoneyQuantity",
    };

    public static List<FhirValue> Filter(List<FhirValue> values, string typeName, FhirTypeModel model) =>
        values.FindAll(v => Matches(v, typeName, model));

    public static List<FhirValue> Is(List<FhirValue> values, string typeName, FhirTypeModel model) => values.Count switch
    {
        0 => [],
        1 => [FhirPathValues.Boolean(Matches(values[0], typeName, model))],
        _ => throw new FhirPathException($"'is {typeName}' needs a single item but was given {values.Count}."),
    };

    public static bool Matches(FhirValue value, string typeName, FhirTypeModel model)
    {
        var actual = value.TypeName;
        if (actual is null)
        {
            // Outside the schema only the JSON kind is known.
            return value.Element.ValueKind switch
            {
                JsonValueKind.String => SameName(typeName, "string"),
                JsonValueKind.True or JsonValueKind.False => SameName(typeName, "boolean"),
                JsonValueKind.Number => SameName(typeName, "decimal") || SameName(typeName, "integer"),
                _ => false,
            };
        }

        return SameName(actual, typeName)
            || (typeName == "Quantity" && QuantityProfiles.Contains(actual))
            || (typeName is "Resource" or "DomainResource" && model.ResourceTypes.Contains(actual));
    }

    // FHIR primitive types are lower-case (dateTime) while FHIRPath's System types are
    // capitalized (DateTime); the official expressions use both spellings.
    private static bool SameName(string fhirType, string asked) =>
        fhirType.Length == asked.Length
        && char.ToUpperInvariant(fhirType[0]) == char.ToUpperInvariant(asked[0])
        && fhirType.AsSpan(1).SequenceEqual(asked.AsSpan(1));
}
