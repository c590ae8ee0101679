using System.Text.Json.Nodes;

namespace PatientAccess.FhirStore.Api;

/// <summary>
/// <c>_elements</c>: keeps resourceType, id, meta and the named top-level elements, and
/// marks the resource SUBSETTED as the spec requires so nobody mistakes it for the whole.
/// </summary>
internal static class ElementsFilter
{
    public static string Apply(string json, IReadOnlyList<string> elements)
    {
        if (elements.Count == 0)
        {
            return json;
        }

        var source = JsonNode.Parse(json)!.AsObject();
        var result = new JsonObject();
        foreach (var (name, value) in source.ToList())
        {
            if (name is "resourceType" or "id" or "meta" || elements.Contains(name))
            {
                source.Remove(name);
                result[name] = value;
            }
        }

        var meta = result["meta"] as JsonObject ?? new JsonObject();
        result["meta"] = meta;
        var tags = meta["tag"] as JsonArray ?? [];
        meta["tag"] = tags;
        tags.Add(new JsonObject
        {
            ["system"] = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue",
            ["code"] = "SUBSETTED",
        });
        return result.ToJsonString();
    }
}
