using System.Globalization;
using PatientAccess.LoadTests.Load;
using PatientAccess.LoadTests.Scenarios;

namespace PatientAccess.LoadTests.Cli;

/// <summary>
/// Parses the command line by hand (System.CommandLine is not in our package registry). Options
/// take their value as the next argument or after '='; every problem becomes one line naming the argument.
/// </summary>
internal static class CliParser
{
    public const string HttpCommand = "http";

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--allow-remote", "--help" };

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal)
    {
        "--url", "--rate", "--ramp-to", "--concurrency", "--duration", "--timeout", "--max-in-flight", "--header", "--report-dir",
    };

    private static readonly HashSet<string> RepeatableOptions = new(StringComparer.Ordinal) { "--url", "--header" };

    public static CliParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] == "help" || args.Any(a => a is "--help" or "-h"))
        {
            return CliParseResult.Help();
        }

        try
        {
            if (args[0] != HttpCommand)
            {
                throw new CliUsageException($"unknown command '{args[0]}'; the only command is '{HttpCommand}'");
            }

            var values = Tokenize(args.Skip(1).ToList());
            return CliParseResult.Run(Build(values));
        }
        catch (CliUsageException ex)
        {
            return CliParseResult.Invalid(ex.Message);
        }
    }

    private static Dictionary<string, List<string>> Tokenize(List<string> args)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliUsageException($"unexpected argument '{arg}'; options start with --");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            string value;
            if (Flags.Contains(name))
            {
                if (equals >= 0)
                {
                    throw new CliUsageException($"{name}: takes no value");
                }

                value = string.Empty;
            }
            else if (ValueOptions.Contains(name))
            {
                if (equals >= 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = args[++i];
                }
                else
                {
                    throw new CliUsageException($"{name}: missing value");
                }
            }
            else
            {
                throw new CliUsageException($"unknown argument '{name}'");
            }

            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }
            else if (!RepeatableOptions.Contains(name))
            {
                throw new CliUsageException($"{name}: given more than once");
            }

            list.Add(value);
        }

        return values;
    }

    private static HttpCommandOptions Build(Dictionary<string, List<string>> values)
    {
        string? Single(string name) => values.TryGetValue(name, out var list) ? list[0] : null;

        var allowRemote = values.ContainsKey("--allow-remote");
        if (!values.TryGetValue("--url", out var urlTexts))
        {
            throw new CliUsageException("--url: required; give the URL to load, e.g. --url http://127.0.0.1:5000/health/live");
        }

        var urls = urlTexts.Select(u => ParseUrl(u, allowRemote)).ToList();

        var rate = Single("--rate") is { } rateText ? ParseRate("--rate", rateText) : (double?)null;
        var rampTo = Single("--ramp-to") is { } rampText ? ParseRate("--ramp-to", rampText) : (double?)null;
        var concurrency = Single("--concurrency") is { } concurrencyText
            ? ParseCount("--concurrency", concurrencyText, KeepConcurrentPhase.MaxCopies)
            : (int?)null;
        if (rate is not null && concurrency is not null)
        {
            throw new CliUsageException("--rate and --concurrency cannot be combined: --rate is the open model, --concurrency the closed one");
        }

        if (rate is null && concurrency is null)
        {
            throw new CliUsageException("--rate: required (or --concurrency for the closed model)");
        }

        if (rampTo is not null && rate is null)
        {
            throw new CliUsageException("--ramp-to: needs --rate, the rate the ramp starts from");
        }

        var durationText = Single("--duration") ?? throw new CliUsageException("--duration: required, e.g. --duration 30s");
        var duration = ParseDuration("--duration", durationText, LoadPhase.MaxDuration);
        if (rate is { } from)
        {
            OpenLoadPhase phase = rampTo is { } to ? new RampRatePhase(from, to, duration) : new ConstantRatePhase(from, duration);
            if (phase.ArrivalCount == 0)
            {
                throw new CliUsageException($"--rate: {Single("--rate")}/s for {durationText} schedules no arrivals; raise --rate or --duration");
            }
        }

        var timeout = Single("--timeout") is { } timeoutText
            ? ParseDuration("--timeout", timeoutText, TimeSpan.FromMinutes(10))
            : TimeSpan.FromSeconds(5);
        var maxInFlight = Single("--max-in-flight") is { } capText ? ParseCount("--max-in-flight", capText, 1_000_000) : 1000;
        var headers = values.TryGetValue("--header", out var headerTexts) ? headerTexts.Select(ParseHeader).ToList() : [];

        var reportDir = Single("--report-dir") ?? HttpCommandOptions.DefaultReportDirectory;
        if (!ReportDirectory.TryEnsureWritable(reportDir, out var problem))
        {
            throw new CliUsageException($"--report-dir: '{reportDir}' is not writable: {problem}");
        }

        return new HttpCommandOptions
        {
            Urls = urls,
            Rate = rate,
            RampTo = rampTo,
            Concurrency = concurrency,
            Duration = duration,
            Timeout = timeout,
            MaxInFlight = maxInFlight,
            Headers = headers,
            ReportDirectory = reportDir,
            AllowRemote = allowRemote,
        };
    }

    private static Uri ParseUrl(string text, bool allowRemote)
    {
        if (!UrlPolicy.IsHttpUrl(text, out var uri))
        {
            throw new CliUsageException($"--url: '{text}' is not an absolute http:// or https:// URL");
        }

        if (!allowRemote && !UrlPolicy.IsLoopback(uri))
        {
            throw new CliUsageException(
                $"--url: '{text}' is not on this machine (host '{uri.Host}' is not loopback); the network policy here allows load " +
                "only against our own machine, so remote targets need --allow-remote and the owner's consent");
        }

        return uri;
    }

    private static double ParseRate(string name, string text)
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

    private static int ParseCount(string name, string text, int max)
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

    private static TimeSpan ParseDuration(string name, string text, TimeSpan max)
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

    private static KeyValuePair<string, string> ParseHeader(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon > 0 ? text[..colon].Trim() : string.Empty;
        var value = colon > 0 ? text[(colon + 1)..].Trim() : string.Empty;
        if (name.Length == 0)
        {
            throw new CliUsageException($"--header: '{text}' is not like 'Name: value'");
        }

        if (!HttpGetScenario.IsValidRequestHeader(name, value))
        {
            throw new CliUsageException($"--header: '{name}' cannot be sent on a GET request");
        }

        return new KeyValuePair<string, string>(name, value);
    }
}
