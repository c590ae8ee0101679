using System.Text.Json;

namespace PatientAccess.Fhir.FhirPath;

/// <summary>
/// An identifier: a type name (<c>Patient</c>) filters the focus by type, any other name
/// navigates to that element of every item. Arrays flatten, and a choice element's base name
/// (<c>value</c>) collects whichever concrete element (<c>valueQuantity</c>, ...) is present.
/// </summary>
internal sealed class MemberNode(string name) : FhirPathNode
{
    // FHIR element names start lower-case and type names upper-case, so the first letter
    // tells a type filter from a navigation.
    private readonly bool isTypeName = char.IsUpper(name[0]);

    public string Name { get; } = name;

    public override string? RootTypeName => isTypeName ? Name : null;

    public override List<FhirValue> Evaluate(IReadOnlyList<FhirValue> focus, FhirPathContext context)
    {
        var results = new List<FhirValue>();
        foreach (var item in focus)
        {
            if (item.IsResolvedReference)
            {
                throw new FhirPathException(
                    $"'{Name}' cannot be read from the result of resolve(): referenced resources are not loaded.");
            }

            if (isTypeName)
            {
                if (FhirTypes.Matches(item, Name, context.Model))
                {
                    results.Add(item);
                }
            }
            else if (item.Element.ValueKind == JsonValueKind.Object)
            {
                Navigate(item, context, results);
            }
        }

        return results;
    }

    public override string ToString() => Name;

    private static void Add(JsonElement value, string? typeName, List<FhirValue> results)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in value.EnumerateArray())
            {
                Add(element, typeName, results);
            }
        }
        else if (value.ValueKind != JsonValueKind.Null)
        {
            // Contained resources and Bundle entries are typed by their own resourceType.
            if (typeName == "ResourceList")
            {
                typeName = value.ValueKind == JsonValueKind.Object
                    && value.TryGetProperty("resourceType", out var resourceType)
                    && resourceType.ValueKind == JsonValueKind.String
                        ? resourceType.GetString()
                        : null;
            }

            results.Add(new FhirValue(value, typeName));
        }
    }

    private void Navigate(FhirValue item, FhirPathContext context, List<FhirValue> results)
    {
        var model = context.Model;
        if (item.TypeName is null || !model.IsKnownType(item.TypeName))
        {
            if (item.Element.TryGetProperty(Name, out var untyped))
            {
                Add(untyped, null, results);
            }

            return;
        }

        if (model.TryGetElement(item.TypeName, Name, out var element))
        {
            if (item.Element.TryGetProperty(Name, out var value))
            {
                Add(value, element.TypeName, results);
            }

            return;
        }

        foreach (var choice in model.GetChoiceElements(item.TypeName, Name))
        {
            if (item.Element.TryGetProperty(choice.Name, out var value))
            {
                Add(value, choice.TypeName, results);
            }
        }
    }
}
