using System.Globalization;
using PatientAccess.LoadTests.Load;

namespace PatientAccess.LoadTests.Cli;

/// <summary>Parses one option's value; every problem becomes one line naming the option.</summary>
internal static class CliValues
{
    public static Uri ParseUrl(string name, string text, bool allowRemote)
    {
        if (!UrlPolicy.IsHttpUrl(text, out var uri))
        {
            throw new CliUsageException($"{name}: '{text}' is not an absolute http:// or https:// URL");
        }

        if (!allowRemote && !UrlPolicy.IsLoopback(uri))
        {
            throw new CliUsageException(
                $"{name}: '{text}' is not on this machine (host '{uri.Host}' is not loopback); the network policy here allows load " +
                "only against our own machine, so remote targets need --allow-remote and the owner's consent");
        }

        return uri;
    }

    public static double ParseRate(string name, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !double.IsFinite(rate))
        {
            throw new CliUsageException($"{name}: '{text}' is not a number");
        }

        if (rate <= 0)
        {
            throw new CliUsageException($"{name}: must be greater than 0 (got {text})");
        }

        if (rate > OpenLoadPhase.MaxRate)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{name}: at most {OpenLoadPhase.MaxRate}/s (got {text})"));
        }

        return rate;
    }

    public static int ParseCount(string name, string text, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new CliUsageException($"{name}: '{text}' is not a whole number");
        }

        if (count <= 0 || count > max)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{name}: must be between 1 and {max} (got {text})"));
        }

        return count;
    }

    public static TimeSpan ParseDuration(string name, string text, TimeSpan max)
    {
        if (!DurationParser.TryParse(text, out var duration))
        {
            throw new CliUsageException($"{name}: '{text}' is not a duration like 500ms, 30s, 2m or 1h");
        }

        if (duration <= TimeSpan.Zero || duration > max)
        {
            throw new CliUsageException($"{name}: must be more than 0 and at most {max} (got {text})");
        }

        return duration;
    }

    /// <summary>One of a fixed set of words, compared exactly.</summary>
    public static string ParseChoice(string name, string text, IReadOnlyList<string> choices)
    {
        if (choices.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        var listed = choices.Count == 2 ? $"{choices[0]} or {choices[1]}" : string.Join(", ", choices.SkipLast(1)) + " or " + choices[^1];
        throw new CliUsageException($"{name}: '{text}' is not {listed}");
    }
}
