using PatientAccess.LoadTests.Load;

namespace PatientAccess.LoadTests.Cli;

/// <summary>Reads the load options shared by the load commands (http, token).</summary>
internal static class LoadOptionsParser
{
    public static IReadOnlyList<string> Names { get; } =
        ["--rate", "--ramp-to", "--concurrency", "--duration", "--timeout", "--max-in-flight", "--report-dir"];

    public static LoadOptions Parse(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rate = args.Single("--rate") is { } rateText ? CliValues.ParseRate("--rate", rateText) : (double?)null;
        var rampTo = args.Single("--ramp-to") is { } rampText ? CliValues.ParseRate("--ramp-to", rampText) : (double?)null;
        var concurrency = args.Single("--concurrency") is { } concurrencyText
            ? CliValues.ParseCount("--concurrency", concurrencyText, KeepConcurrentPhase.MaxCopies)
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

        var durationText = args.Single("--duration") ?? throw new CliUsageException("--duration: required, e.g. --duration 30s");
        var duration = CliValues.ParseDuration("--duration", durationText, LoadPhase.MaxDuration);
        var timeout = args.Single("--timeout") is { } timeoutText
            ? CliValues.ParseDuration("--timeout", timeoutText, TimeSpan.FromMinutes(10))
            : TimeSpan.FromSeconds(5);
        var maxInFlight = args.Single("--max-in-flight") is { } capText ? CliValues.ParseCount("--max-in-flight", capText, 1_000_000) : 1000;
        var reportDir = args.Single("--report-dir") ?? LoadOptions.DefaultReportDirectory;
        var options = new LoadOptions
        {
            Rate = rate,
            RampTo = rampTo,
            Concurrency = concurrency,
            Duration = duration,
            Timeout = timeout,
            MaxInFlight = maxInFlight,
            ReportDirectory = reportDir,
        };
        if (options.OpenPhase is { ArrivalCount: 0 })
        {
            throw new CliUsageException($"--rate: {args.Single("--rate")}/s for {durationText} schedules no arrivals; raise --rate or --duration");
        }

        if (!ReportDirectory.TryEnsureWritable(reportDir, out var problem))
        {
            throw new CliUsageException($"--report-dir: '{reportDir}' is not writable: {problem}");
        }

        return options;
    }
}
