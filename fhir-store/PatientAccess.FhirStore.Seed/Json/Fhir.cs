using System.Globalization;
using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Json;

/// <summary>Builders for the FHIR data types the generator writes again and again.</summary>
internal static class Fhir
{
    public static JsonObject Reference(string reference) => new() { ["reference"] = reference };

    public static JsonObject Reference(string reference, string display) =>
        new() { ["reference"] = reference, ["display"] = display };

    public static JsonObject Coding(CodedConcept concept) => new()
    {
        ["system"] = concept.System,
        ["code"] = concept.Code,
        ["display"] = concept.Display,
    };

    public static JsonObject Coding(string system, string code) => new() { ["system"] = system, ["code"] = code };

    public static JsonObject Coding(string system, string code, string display) =>
        new() { ["system"] = system, ["code"] = code, ["display"] = display };

    public static JsonObject Concept(CodedConcept concept) => new()
    {
        ["coding"] = new JsonArray(Coding(concept)),
        ["text"] = concept.Display,
    };

    /// <summary>
    /// A category-like concept (status, type, role) without <c>text</c>: its display says it all, and
    /// leaving text out keeps claims, which repeat such concepts dozens of times, a third smaller.
    /// </summary>
    public static JsonObject Concept(string system, string code, string display) =>
        new() { ["coding"] = new JsonArray(Coding(system, code, display)) };

    /// <summary>A concept with a coding but no text, for codes that are machine categories rather than things.</summary>
    public static JsonObject CodeOnly(string system, string code) => new() { ["coding"] = new JsonArray(Coding(system, code)) };

    public static JsonArray Array(params JsonNode?[] items) => new(items);

    /// <summary>Amounts are always written with cents (10.00, not 10), as claims systems print them.</summary>
    public static JsonObject Money(decimal value) => new()
    {
        ["value"] = Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m,
        ["currency"] = "USD",
    };

    public static JsonObject Quantity(decimal value, string unit, string ucumCode) => new()
    {
        ["value"] = value,
        ["unit"] = unit,
        ["system"] = CodeSystems.Ucum,
        ["code"] = ucumCode,
    };

    public static JsonObject Period(DateOnly start, DateOnly end) => new() { ["start"] = Date(start), ["end"] = Date(end) };

    public static JsonObject Period(DateTime start, DateTime end) => new() { ["start"] = DateTime(start), ["end"] = DateTime(end) };

    public static JsonObject Identifier(string system, string value) => new() { ["system"] = system, ["value"] = value };

    public static JsonObject Npi(string npi) => new()
    {
        ["type"] = Concept(CodeSystems.IdentifierType, "NPI", "National provider identifier"),
        ["system"] = CodeSystems.Npi,
        ["value"] = npi,
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>UTC with a Z: a fixed offset keeps output independent of the machine's time zone.</summary>
    public static string DateTime(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTime At(DateOnly date, int hour, int minute) =>
        date.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);

    public static JsonObject Narrative(string text) => new()
    {
        ["status"] = "generated",
        ["div"] = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + System.Net.WebUtility.HtmlEncode(text) + "</div>",
    };
}
