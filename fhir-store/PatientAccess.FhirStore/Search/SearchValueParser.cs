using System.Globalization;
using PatientAccess.Fhir.Search;

namespace PatientAccess.FhirStore.Search;

/// <summary>Turns one search value of a known parameter type into a condition, or says why it cannot.</summary>
internal static class SearchValueParser
{
    private static readonly Dictionary<string, SearchPrefix> Prefixes = new(StringComparer.Ordinal)
    {
        ["eq"] = SearchPrefix.Eq, ["ne"] = SearchPrefix.Ne, ["gt"] = SearchPrefix.Gt, ["lt"] = SearchPrefix.Lt,
        ["ge"] = SearchPrefix.Ge, ["le"] = SearchPrefix.Le, ["sa"] = SearchPrefix.Sa, ["eb"] = SearchPrefix.Eb,
        ["ap"] = SearchPrefix.Ap,
    };

    public static SearchCondition? Parse(SearchParamType type, string? modifier, string raw, IReadOnlyList<string> targets, out string? error)
    {
        error = null;
        switch (type)
        {
            case SearchParamType.Token:
                return Token(modifier, raw);
            case SearchParamType.String:
                return new StringCondition(SearchValueSplitter.Unescape(raw), modifier switch
                {
                    "exact" => StringMatch.Exact,
                    "contains" => StringMatch.Contains,
                    _ => StringMatch.StartsWith,
                });
            case SearchParamType.Uri:
                return new UriCondition(SearchValueSplitter.Unescape(raw), modifier == "below");
            case SearchParamType.Reference:
                return Reference(modifier, raw, targets, out error);
            case SearchParamType.Date:
                return Date(raw, out error);
            case SearchParamType.Number:
                return Number(raw, out error);
            case SearchParamType.Quantity:
                return Quantity(raw, out error);
            default:
                error = $"parameters of type {type} are not supported";
                return null;
        }
    }

    private static TokenCondition Token(string? modifier, string raw)
    {
        if (modifier == "text")
        {
            return new TokenCondition(null, false, null, SearchStringNormalizer.Normalize(SearchValueSplitter.Unescape(raw)));
        }

        var parts = SearchValueSplitter.Split(raw, '|');
        if (parts.Count == 1)
        {
            return new TokenCondition(null, false, SearchValueSplitter.Unescape(raw), null);
        }

        var system = SearchValueSplitter.Unescape(parts[0]);
        var code = SearchValueSplitter.Unescape(string.Join('|', parts.Skip(1)));
        return new TokenCondition(system.Length == 0 ? null : system, true, code.Length == 0 ? null : code, null);
    }

    private static ReferenceCondition? Reference(string? modifier, string raw, IReadOnlyList<string> targets, out string? error)
    {
        error = null;
        var value = SearchValueSplitter.Unescape(raw);
        if (value.Length == 0)
        {
            error = "a reference value is empty";
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "urn")
        {
            var segments = uri.AbsolutePath.Trim('/').Split('/');
            return segments.Length >= 2 && IsResourceType(segments[^2])
                ? new ReferenceCondition(segments[^2], segments[^1], value)
                : new ReferenceCondition(null, null, value);
        }

        var slash = value.Split('/');
        if (slash.Length == 2 && IsResourceType(slash[0]) && slash[1].Length > 0)
        {
            return new ReferenceCondition(slash[0], slash[1], null);
        }

        if (slash.Length == 1)
        {
            // A bare id: the :Type modifier or the parameter's single target says what type it is.
            var type = modifier is not null && IsResourceType(modifier) ? modifier : targets.Count == 1 ? targets[0] : null;
            return new ReferenceCondition(type, value, null);
        }

        error = $"'{value}' is not a reference (Type/id, id, or an absolute URL)";
        return null;
    }

    private static DateCondition? Date(string raw, out string? error)
    {
        var (prefix, value) = SplitPrefix(raw);
        if (!FhirDateRange.TryParse(value, out var range))
        {
            error = $"'{raw}' is not a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z|±hh:mm], with an optional prefix eq ne gt lt ge le sa eb ap)";
            return null;
        }

        error = null;
        return new DateCondition(prefix, range);
    }

    /// <summary>
    /// Largest magnitude searched for: the comparisons add the precision and ap's 10% to the value,
    /// which near decimal's limit (7.9e28) would overflow; no measured value comes near.
    /// </summary>
    private const decimal MaxMagnitude = 1e27m;

    private static NumberCondition? Number(string raw, out string? error)
    {
        var (prefix, value) = SplitPrefix(raw);
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var number))
        {
            error = $"'{raw}' is not a number (with an optional prefix eq ne gt lt ge le sa eb ap), or not one from -1e27 to 1e27";
            return null;
        }

        if (Math.Abs(number) > MaxMagnitude)
        {
            error = $"'{raw}' is out of range: numbers are searched from -1e27 to 1e27";
            return null;
        }

        // "100" means [99.5, 100.5): half a unit of the last significant digit written.
        var decimals = value.Contains('.', StringComparison.Ordinal) && !value.Contains('e', StringComparison.OrdinalIgnoreCase)
            ? value.Length - value.IndexOf('.', StringComparison.Ordinal) - 1
            : 0;
        var half = 0.5m / (decimal)Math.Pow(10, Math.Min(decimals, 20));
        error = null;
        return new NumberCondition(prefix, number, number - half, number + half);
    }

    private static QuantityCondition? Quantity(string raw, out string? error)
    {
        var parts = SearchValueSplitter.Split(raw, '|');
        if (parts.Count is 2 or > 3)
        {
            error = $"'{raw}' is not a quantity (number, or number|system|code)";
            return null;
        }

        var number = Number(parts[0], out error);
        if (number is null)
        {
            return null;
        }

        string? system = parts.Count == 3 && parts[1].Length > 0 ? SearchValueSplitter.Unescape(parts[1]) : null;
        string? code = parts.Count == 3 && parts[2].Length > 0 ? SearchValueSplitter.Unescape(parts[2]) : null;
        return new QuantityCondition(number, system, code);
    }

    private static (SearchPrefix Prefix, string Value) SplitPrefix(string raw) =>
        raw.Length > 2 && char.IsAsciiLetterLower(raw[0]) && Prefixes.TryGetValue(raw[..2], out var prefix)
            ? (prefix, raw[2..])
            : (SearchPrefix.Eq, raw);

    private static bool IsResourceType(string text) =>
        text.Length > 0 && char.IsAsciiLetterUpper(text[0]) && text.All(char.IsAsciiLetterOrDigit);
}
