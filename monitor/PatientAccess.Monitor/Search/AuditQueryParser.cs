using System.Globalization;
using Microsoft.Extensions.Primitives;
using PatientAccess.Fhir.Search;

namespace PatientAccess.Monitor.Search;

/// <summary>
/// Reads <c>GET /r4/AuditEvent</c>'s parameters: <c>date</c> (prefixes eq, lt, le, gt, ge, sa, eb
/// over the store's <see cref="FhirDateRange"/>, so <c>2026-12</c> means all of December),
/// <c>agent</c> (client_id), <c>patient</c> (<c>Patient/id</c> or <c>id</c>), <c>outcome</c>
/// (0, 4, 8, 12), <c>subtype</c> (read, search-type, create...; <c>system|code</c> accepted),
/// <c>address</c> (starts with; <c>address:exact</c>), <c>_count</c> (1 to 1000) and the paging
/// cursor. Commas OR values, repeated parameters AND them. Anything else is an error the caller
/// answers 400 with, naming the parameter: a misspelt filter must not silently widen a search.
/// </summary>
internal static class AuditQueryParser
{
    public const int DefaultCount = 50;
    public const int MaxCount = 1000;
    public const string CursorParameter = "_cursor";

    public static (AuditQuery? Query, string? Error) Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var dates = new List<DateCondition>();
        var agents = new List<IReadOnlyList<string>>();
        var patients = new List<IReadOnlyList<string>>();
        var outcomes = new List<IReadOnlyList<string>>();
        var subtypes = new List<IReadOnlyList<string>>();
        var addresses = new List<IReadOnlyList<string>>();
        var exact = false;
        var count = DefaultCount;
        AuditCursor? after = null;
        var kept = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in query)
        {
            foreach (var value in values)
            {
                var text = value ?? string.Empty;
                if (name != CursorParameter)
                {
                    kept.Add(new(name, text));
                }

                if (text.Length == 0)
                {
                    return (null, $"parameter '{name}' has no value");
                }

                switch (name)
                {
                    case "date":
                        if (ParseDate(text) is not { } date)
                        {
                            return (null, $"date '{text}' is not a FHIR date with an optional prefix eq, lt, le, gt, ge, sa or eb");
                        }

                        dates.Add(date);
                        break;
                    case "agent":
                        agents.Add(Split(text));
                        break;
                    case "patient":
                        patients.Add([.. Split(text).Select(p => p.StartsWith("Patient/", StringComparison.Ordinal) ? p["Patient/".Length..] : p)]);
                        break;
                    case "outcome":
                        var codes = Split(text).Select(Code).ToList();
                        if (codes.Any(c => c is not ("0" or "4" or "8" or "12")))
                        {
                            return (null, $"outcome '{text}' must be 0, 4, 8 or 12");
                        }

                        outcomes.Add(codes);
                        break;
                    case "subtype":
                        subtypes.Add([.. Split(text).Select(Code)]);
                        break;
                    case "address":
                    case "address:exact":
                        exact |= name == "address:exact";
                        addresses.Add(Split(text));
                        break;
                    case "_count":
                        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxCount)
                        {
                            return (null, $"_count must be a whole number from 1 to {MaxCount}");
                        }

                        break;
                    case CursorParameter:
                        if ((after = AuditCursor.Parse(text)) is null)
                        {
                            return (null, "_cursor is not a cursor this server wrote");
                        }

                        break;
                    default:
                        return (null, $"unknown or unsupported search parameter '{name}' (supported: date, agent, patient, outcome, subtype, address, _count)");
                }
            }
        }

        return (new AuditQuery
        {
            Dates = dates,
            Agents = agents,
            Patients = patients,
            Outcomes = outcomes,
            Subtypes = subtypes,
            Addresses = addresses,
            AddressExact = exact,
            Count = count,
            After = after,
            Parameters = kept,
        }, null);
    }

    internal static DateCondition? ParseDate(string text)
    {
        var prefix = text.Length > 2 && char.IsAsciiLetterLower(text[0]) && char.IsAsciiLetterLower(text[1]) ? text[..2] : "eq";
        var value = text.Length > 2 && char.IsAsciiLetterLower(text[0]) ? text[2..] : text;
        if (!FhirDateRange.TryParse(value, out var range))
        {
            return null;
        }

        var low = range.Low.ToUnixTimeMilliseconds();
        var high = range.High == DateTimeOffset.MaxValue ? long.MaxValue : range.High.ToUnixTimeMilliseconds();
        // The recorded time is an instant: it lies in, before or after the value's range.
        return prefix switch
        {
            "eq" => new DateCondition(low, high),
            "lt" or "eb" => new DateCondition(null, low),
            "le" => new DateCondition(null, high),
            "gt" or "sa" => new DateCondition(high, null),
            "ge" => new DateCondition(low, null),
            _ => null,
        };
    }

    /// <summary>Comma-separated values (FHIR OR), a backslash escaping a comma.</summary>
    private static List<string> Split(string text) =>
        [.. text.Replace("\\,", "\u0001", StringComparison.Ordinal).Split(',').Select(v => v.Replace('\u0001', ','))];

    /// <summary>The code of a token value: <c>system|code</c> or <c>code</c>.</summary>
    private static string Code(string token) => token.Contains('|', StringComparison.Ordinal) ? token[(token.IndexOf('|', StringComparison.Ordinal) + 1)..] : token;
}
