using System.Text.Json;
using PatientAccess.Testing;

namespace PatientAccess.FhirStore.Tests.Integration;

/// <summary>Reads FHIR responses the way a client would.</summary>
internal static class Fhir
{
    /// <summary>
    /// The answer as JSON for the test to look into; every FHIR answer is first read by Firely's
    /// strict R4 parser as well, so whatever a test reads is also valid R4 to an outside client.
    /// </summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (StrictFhir.IsFhirJson(response))
        {
            _ = StrictFhir.Parse<Hl7.Fhir.Model.Resource>(text);
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>"Type/id" of each entry with the given search mode.</summary>
    public static List<string> Ids(JsonElement bundle, string mode = "match") =>
        bundle.TryGetProperty("entry", out var entries)
            ? entries.EnumerateArray()
                .Where(e => e.GetProperty("search").GetProperty("mode").GetString() == mode)
                .Select(e => $"{e.GetProperty("resource").GetProperty("resourceType").GetString()}/{e.GetProperty("resource").GetProperty("id").GetString()}")
                .ToList()
            : [];

    public static string? Link(JsonElement bundle, string relation) =>
        bundle.GetProperty("link").EnumerateArray()
            .Where(l => l.GetProperty("relation").GetString() == relation)
            .Select(l => l.GetProperty("url").GetString())
            .FirstOrDefault();

    public static string Diagnostics(JsonElement outcome) =>
        string.Join(" | ", outcome.GetProperty("issue").EnumerateArray().Select(i => i.GetProperty("diagnostics").GetString()));
}
