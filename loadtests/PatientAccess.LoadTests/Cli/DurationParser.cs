using System.Globalization;

namespace PatientAccess.LoadTests.Cli;

/// <summary>Parses durations written as a number and a unit: 500ms, 30s, 2m, 1h (decimals allowed: 1.5s).</summary>
internal static class DurationParser
{
    // Longest suffix first, so "ms" is not read as "m".
    private static readonly (string Suffix, double Milliseconds)[] Units =
    [
        ("ms", 1),
        ("s", 1000),
        ("m", 60_000),
        ("h", 3_600_000),
    ];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var (suffix, milliseconds) in Units)
        {
            if (!text.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var number = text[..^suffix.Length];
            // Digits and at most one decimal point only: no signs, exponents, spaces or thousands separators.
            if (number.Length == 0 || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var total = value * milliseconds;
            if (double.IsNaN(total) || total > TimeSpan.MaxValue.TotalMilliseconds)
            {
                return false;
            }

            duration = TimeSpan.FromMilliseconds(total);
            return true;
        }

        return false;
    }
}
