using System.Globalization;

namespace PatientAccess.Fhir.Search;

/// <summary>
/// The range of instants a FHIR date, dateTime or instant covers, [Low, High), following the
/// search spec's rule that the precision written is the precision meant: <c>2020</c> is all of
/// 2020, <c>2020-03</c> all of March, <c>2020-03-01T10:00:00Z</c> that second and
/// <c>2020-03-01T10:00:00.250Z</c> that millisecond. Search values use the same parser, so a
/// stored value and a search value of the same precision describe the same range.
/// </summary>
public readonly record struct FhirDateRange(DateTimeOffset Low, DateTimeOffset High)
{
    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c> and <c>YYYY-MM-DDThh:mm[:ss[.f+]][Z|±hh:mm]</c>.</summary>
    public static bool TryParse(string? text, out FhirDateRange range)
    {
        range = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var s = text.AsSpan();
        if (!Digits(s, 0, 4, out var year) || year < 1)
        {
            return false;
        }

        if (s.Length == 4)
        {
            return Make(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.Zero, d => d.AddYears(1), out range);
        }

        if (s.Length < 7 || s[4] != '-' || !Digits(s, 5, 2, out var month) || month is < 1 or > 12)
        {
            return false;
        }

        if (s.Length == 7)
        {
            return Make(new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.Zero, d => d.AddMonths(1), out range);
        }

        if (s.Length < 10 || s[7] != '-' || !Digits(s, 8, 2, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        // A date has no time zone; like a dateTime without one, it is taken as UTC so that
        // every stored value and every search value sit on the same time line.
        if (s.Length == 10)
        {
            return Make(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc), TimeSpan.Zero, d => d.AddDays(1), out range);
        }

        return s[10] == 'T' && TryParseTime(s[11..], new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified), out range);
    }

    private static bool TryParseTime(ReadOnlySpan<char> s, DateTime date, out FhirDateRange range)
    {
        range = default;
        if (s.Length < 5 || s[2] != ':' || !Digits(s, 0, 2, out var hour) || hour > 23 || !Digits(s, 3, 2, out var minute) || minute > 59)
        {
            return false;
        }

        var time = date.AddHours(hour).AddMinutes(minute);
        var step = TimeSpan.FromMinutes(1);
        var i = 5;
        if (i < s.Length && s[i] == ':')
        {
            // Second 60 (a leap second) is allowed by FHIR but not by DateTime: it is read as 59.
            if (!Digits(s, i + 1, 2, out var second) || second > 60)
            {
                return false;
            }

            time = time.AddSeconds(Math.Min(second, 59));
            step = TimeSpan.FromSeconds(1);
            i += 3;
            if (i < s.Length && s[i] == '.')
            {
                var start = ++i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                var digits = i - start;
                if (digits == 0)
                {
                    return false;
                }

                // Beyond 7 digits (100 ns, a tick) the extra precision cannot be represented.
                var used = Math.Min(digits, 7);
                var fraction = long.Parse(s.Slice(start, used), NumberStyles.None, CultureInfo.InvariantCulture);
                var scale = (long)Math.Pow(10, 7 - used);
                time = time.AddTicks(fraction * scale);
                step = TimeSpan.FromTicks(scale);
            }
        }

        if (!TryParseOffset(s[i..], out var offset))
        {
            return false;
        }

        return Make(time, offset, d => d + step, out range);
    }

    // FHIR requires a zone on a dateTime with a time; data without one is taken as UTC
    // rather than rejected, the same choice as for dates.
    private static bool TryParseOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s.Length == 0 || s is "Z")
        {
            return true;
        }

        if (s.Length != 6 || s[0] is not ('+' or '-') || s[3] != ':'
            || !Digits(s, 1, 2, out var hours) || !Digits(s, 4, 2, out var minutes) || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (s[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool Make(DateTime start, TimeSpan offset, Func<DateTime, DateTime> next, out FhirDateRange range)
    {
        range = default;
        DateTimeOffset low;
        try
        {
            low = new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Unspecified), offset).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            // 0001-01-01T00:00+14:00 lies before the first representable instant.
            return false;
        }

        DateTimeOffset high;
        try
        {
            high = new DateTimeOffset(DateTime.SpecifyKind(next(start), DateTimeKind.Unspecified), offset).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            // The last unit before year 10000 runs to the end of representable time.
            high = DateTimeOffset.MaxValue;
        }

        range = new FhirDateRange(low, high);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        foreach (var c in s.Slice(start, count))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
