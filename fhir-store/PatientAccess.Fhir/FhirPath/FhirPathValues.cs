using System.Text.Json;

namespace PatientAccess.Fhir.FhirPath;

/// <summary>Booleans and equality as FHIRPath defines them over collections.</summary>
internal static class FhirPathValues
{
    private static readonly FhirValue True = new(JsonSerializer.SerializeToElement(true), "boolean");
    private static readonly FhirValue False = new(JsonSerializer.SerializeToElement(false), "boolean");

    public static FhirValue Boolean(bool value) => value ? True : False;

    /// <summary>
    /// A collection in a boolean context: empty is "unknown" (null), a single boolean is itself,
    /// any other single item is true; more than one item is an error in FHIRPath.
    /// </summary>
    public static bool? ToBoolean(List<FhirValue> values, string operation) => values.Count switch
    {
        0 => null,
        1 => values[0].Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => true,
        },
        _ => throw new FhirPathException($"'{operation}' needs a single boolean but was given {values.Count} items."),
    };

    /// <summary>FHIRPath '=': empty if either side is empty, otherwise item-by-item equality.</summary>
    public static bool? AreEqual(List<FhirValue> left, List<FhirValue> right)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            return null;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!ItemsEqual(left[i].Element, right[i].Element))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ItemsEqual(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        return a.ValueKind switch
        {
            JsonValueKind.String => a.ValueEquals(b.GetString()),
            JsonValueKind.Number => a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x == y : a.GetDouble().Equals(b.GetDouble()),
            JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
            _ => JsonElement.DeepEquals(a, b),
        };
    }
}
