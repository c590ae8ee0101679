using System.Globalization;
using System.Text;
using System.Text.Json;
using PatientAccess.Fhir.Search;

namespace PatientAccess.FhirStore.Search;

/// <summary>
/// A keyset position: the sort values and sequence number of the last row of a page.
/// Pages stay stable while data changes because the next page starts after a row, not
/// after a count of rows. It is only a position: every page is filtered by the caller's
/// scope again, so a tampered cursor can reach nothing the caller could not see anyway.
/// </summary>
public sealed record PageCursor(bool Backward, long Seq, IReadOnlyList<string?> SortValues)
{
    public string Encode()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new object?[] { Backward ? 1 : 0, Seq, SortValues });
        return Convert.ToBase64String(json).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string text, out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 4096)
        {
            return false;
        }

        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(padded)));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != 3
                || root[2].ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var values = root[2].EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString())
                .ToList();
            cursor = new PageCursor(root[0].GetInt32() == 1, root[1].GetInt64(), values);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// Why this cursor cannot page a search sorted by <paramref name="sort"/>, or null. A cursor is
    /// only a position, but its values are bound as the sort columns' types: one from another
    /// search, or edited, must be refused (400) rather than fail in the database (500).
    /// </summary>
    public string? ProblemWith(IReadOnlyList<SortKey> sort)
    {
        ArgumentNullException.ThrowIfNull(sort);
        if (SortValues.Count != sort.Count)
        {
            return "the page cursor does not belong to this search's _sort";
        }

        for (var i = 0; i < sort.Count; i++)
        {
            var text = SortValues[i];
            var fits = text is null || (sort[i].Code, sort[i].Type) switch
            {
                ("_id", _) => true,
                ("_lastUpdated", _) or (_, SearchParamType.Date) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                (_, SearchParamType.Number or SearchParamType.Quantity) =>
                    double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real),
                _ => true,
            };
            if (!fits)
            {
                return $"the page cursor's value for _sort={sort[i].Code} is not a {sort[i].Type.ToString().ToLowerInvariant()} sort value";
            }
        }

        return null;
    }
}
