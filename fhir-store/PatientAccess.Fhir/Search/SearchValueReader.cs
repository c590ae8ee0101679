using System.Text.Json;
using PatientAccess.Fhir.FhirPath;

namespace PatientAccess.Fhir.Search;

/// <summary>
/// Reads one FHIRPath result as the entries of one search parameter type, by the value's
/// FHIR data type, following the tables of the R4 search spec.
/// </summary>
internal static class SearchValueReader
{
    private static readonly HashSet<string> QuantityTypes = new(StringComparer.Ordinal)
    {
        "Quantity", "Age", "Count", "Distance", "Duration", "SimpleQuantity", "MoneyQuantity",
    };

    private static readonly JsonElement EmptyArray = JsonSerializer.SerializeToElement(Array.Empty<int>());

    public static IEnumerable<SearchIndexEntry> Tokens(string code, FhirValue value)
    {
        var e = value.Element;
        switch (value.TypeName)
        {
            case "Coding":
                yield return Coding(code, e);
                break;
            case "CodeableConcept":
                foreach (var coding in Items(e, "coding"))
                {
                    yield return Coding(code, coding);
                }

                if (Text(e, "text") is { } text)
                {
                    yield return new TokenIndexEntry(code, null, null, SearchStringNormalizer.Normalize(text));
                }

                break;
            case "Identifier":
                var typeText = e.TryGetProperty("type", out var type) ? Text(type, "text") : null;
                if (Text(e, "value") is { } identifier)
                {
                    yield return new TokenIndexEntry(code, Text(e, "system"), identifier, Normalized(typeText));
                }

                break;
            case "ContactPoint":
                // The spec indexes a ContactPoint by its value alone (phone=555-0100).
                if (Text(e, "value") is { } contact)
                {
                    yield return new TokenIndexEntry(code, null, contact, null);
                }

                break;
            default:
                if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    yield return new TokenIndexEntry(code, null, e.ValueKind == JsonValueKind.True ? "true" : "false", null);
                }
                else if (e.ValueKind == JsonValueKind.String)
                {
                    // code, id, string, uri: the system is implicit in the element's binding.
                    yield return new TokenIndexEntry(code, null, e.GetString(), null);
                }

                break;
        }
    }

    public static IEnumerable<SearchIndexEntry> Strings(string code, FhirValue value)
    {
        var e = value.Element;
        var parts = value.TypeName switch
        {
            "HumanName" => Parts(e, "family", "given", "prefix", "suffix", "text"),
            "Address" => Parts(e, "line", "city", "district", "state", "postalCode", "country", "text"),
            _ => e.ValueKind == JsonValueKind.String ? [e.GetString()!] : [],
        };
        return parts.Select(p => new StringIndexEntry(code, SearchStringNormalizer.Normalize(p), p));
    }

    public static IEnumerable<SearchIndexEntry> Dates(string code, FhirValue value)
    {
        var e = value.Element;
        switch (value.TypeName)
        {
            case "Period":
                if (Period(e) is { } period)
                {
                    yield return new DateIndexEntry(code, period.Low, period.High);
                }

                break;
            case "Timing":
                // A Timing covers its explicit events and, when it repeats, its bounds.
                foreach (var occurrence in Items(e, "event"))
                {
                    if (FhirDateRange.TryParse(occurrence.GetString(), out var range))
                    {
                        yield return new DateIndexEntry(code, range.Low, range.High);
                    }
                }

                if (e.TryGetProperty("repeat", out var repeat) && repeat.TryGetProperty("boundsPeriod", out var bounds)
                    && Period(bounds) is { } boundsRange)
                {
                    yield return new DateIndexEntry(code, boundsRange.Low, boundsRange.High);
                }

                break;
            case "date" or "dateTime" or "instant" or null:
                if (e.ValueKind == JsonValueKind.String && FhirDateRange.TryParse(e.GetString(), out var single))
                {
                    yield return new DateIndexEntry(code, single.Low, single.High);
                }

                break;
        }
    }

    public static IEnumerable<SearchIndexEntry> References(string code, FhirValue value)
    {
        var e = value.Element;
        if (value.TypeName == "Reference")
        {
            // Local references (#id) point into the resource itself and logical references
            // (identifier only) to nothing the store holds: neither is searchable by reference.
            var parsed = FhirReference.Parse(Text(e, "reference"), Text(e, "type"));
            if (parsed is { Id: not null } or { Url: not null })
            {
                yield return new ReferenceIndexEntry(code, parsed.ResourceType, parsed.Id, parsed.Url);
            }
        }
        else if (e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } canonical)
        {
            // canonical|version: the version does not take part in naming the target.
            var bar = canonical.IndexOf('|', StringComparison.Ordinal);
            var parsed = FhirReference.Parse(bar < 0 ? canonical : canonical[..bar]);
            yield return new ReferenceIndexEntry(code, parsed?.ResourceType, parsed?.Id, canonical);
        }
    }

    public static IEnumerable<SearchIndexEntry> Uris(string code, FhirValue value)
    {
        if (value.Element.ValueKind == JsonValueKind.String && value.Element.GetString() is { Length: > 0 } uri)
        {
            yield return new UriIndexEntry(code, uri);
        }
    }

    public static IEnumerable<SearchIndexEntry> Numbers(string code, FhirValue value)
    {
        if (value.Element.ValueKind == JsonValueKind.Number && value.Element.TryGetDecimal(out var number))
        {
            yield return new NumberIndexEntry(code, number);
        }
    }

    public static IEnumerable<SearchIndexEntry> Quantities(string code, FhirValue value)
    {
        var e = value.Element;
        if (value.TypeName is { } type && QuantityTypes.Contains(type) && Decimal(e, "value") is { } amount)
        {
            // A comparator makes the stored quantity a bound, not a value: "<5 mg" is below 5.
            var (low, high) = Text(e, "comparator") switch
            {
                "<" or "<=" => (decimal.MinValue, amount),
                ">" or ">=" => (amount, decimal.MaxValue),
                _ => (amount, amount),
            };
            yield return new QuantityIndexEntry(code, low, high, Text(e, "system"), Text(e, "code"), Text(e, "unit"));
        }
        else if (value.TypeName == "Range")
        {
            var lowQuantity = e.TryGetProperty("low", out var l) ? l : default;
            var highQuantity = e.TryGetProperty("high", out var h) ? h : default;
            var low = Decimal(lowQuantity, "value");
            var high = Decimal(highQuantity, "value");
            if (low is not null || high is not null)
            {
                var unit = low is not null ? lowQuantity : highQuantity;
                yield return new QuantityIndexEntry(
                    code, low ?? decimal.MinValue, high ?? decimal.MaxValue, Text(unit, "system"), Text(unit, "code"), Text(unit, "unit"));
            }
        }

        // SampledData is a series of readings with no single value to compare: not indexed.
    }

    private static TokenIndexEntry Coding(string code, JsonElement coding) =>
        new(code, Text(coding, "system"), Text(coding, "code"), Normalized(Text(coding, "display")));

    private static FhirDateRange? Period(JsonElement period)
    {
        var hasStart = FhirDateRange.TryParse(Text(period, "start"), out var start);
        var hasEnd = FhirDateRange.TryParse(Text(period, "end"), out var end);
        if (!hasStart && !hasEnd)
        {
            return null;
        }

        // An open end is unbounded; a closed end includes all of its own precision.
        return new FhirDateRange(hasStart ? start.Low : DateTimeOffset.MinValue, hasEnd ? end.High : DateTimeOffset.MaxValue);
    }

    private static List<string> Parts(JsonElement element, params string[] names)
    {
        var parts = new List<string>();
        foreach (var name in names)
        {
            if (!element.TryGetProperty(name, out var part))
            {
                continue;
            }

            var values = part.ValueKind == JsonValueKind.Array ? part.EnumerateArray().ToList() : [part];
            parts.AddRange(values.Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
        }

        return parts;
    }

    private static JsonElement.ArrayEnumerator Items(JsonElement element, string name) =>
        (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array
            ? items
            : EmptyArray).EnumerateArray();

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? Normalized(string? text) => text is null ? null : SearchStringNormalizer.Normalize(text);

    private static decimal? Decimal(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : null;
}
