using System.Globalization;

namespace PatientAccess.Monitor.Reports;

/// <summary>
/// The days a usage report covers, both ends included, as UTC calendar days: <c>from</c> and
/// <c>to</c> (YYYY-MM-DD), or <c>year</c> for a calendar year. Bad input is an error naming it.
/// </summary>
internal sealed record UsagePeriod(DateOnly From, DateOnly To)
{
    /// <summary>Longer ranges are refused: ten years is beyond any report CMS asks for, and bounds the query.</summary>
    public const int MaxYears = 10;

    public long FromMs => new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>The first millisecond after the period.</summary>
    public long EndMs => new DateTimeOffset(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static (UsagePeriod? Period, string? Error) Parse(string? from, string? to, string? year)
    {
        if (!string.IsNullOrEmpty(year))
        {
            if (!string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to))
            {
                return (null, "give either year or from and to, not both");
            }

            return int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 9998 && year.Length == 4
                ? (new UsagePeriod(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)), null)
                : (null, "year must be a calendar year (YYYY, 2000 to 9998)");
        }

        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            return (null, "from and to are required (YYYY-MM-DD), or year (YYYY)");
        }

        if (!TryDate(from, out var start))
        {
            return (null, "from is not a date (YYYY-MM-DD)");
        }

        if (!TryDate(to, out var end))
        {
            return (null, "to is not a date (YYYY-MM-DD)");
        }

        if (start > end)
        {
            return (null, "from is after to");
        }

        return end >= start.AddYears(MaxYears)
            ? (null, $"the range is longer than {MaxYears} years")
            : (new UsagePeriod(start, end), null);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
