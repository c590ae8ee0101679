using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Load;

namespace PatientAccess.LoadTests.Cli;

/// <summary>The validated options of the <c>http</c> command.</summary>
internal sealed record HttpCommandOptions
{
    public required IReadOnlyList<Uri> Urls { get; init; }

    /// <summary>Open model: arrivals per second (the ramp's starting rate when <see cref="RampTo"/> is set).</summary>
    public double? Rate { get; init; }

    public double? RampTo { get; init; }

    /// <summary>Closed model: instances kept running at once.</summary>
    public int? Concurrency { get; init; }

    public required TimeSpan Duration { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxInFlight { get; init; } = 1000;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public string ReportDirectory { get; init; } = DefaultReportDirectory;

    public bool AllowRemote { get; init; }

    public const string DefaultReportDirectory = "loadtest-reports";

    public IReadOnlyList<LoadPhase> ToPhases() =>
        (Rate, RampTo, Concurrency) switch
        {
            ({ } from, { } to, _) => [new RampRatePhase(from, to, Duration)],
            ({ } rate, null, _) => [new ConstantRatePhase(rate, Duration)],
            (null, _, { } copies) => [new KeepConcurrentPhase(copies, Duration)],
            _ => throw new InvalidOperationException("Options name neither a rate nor a concurrency."),
        };

    public RunSettings ToRunSettings() => new() { RequestTimeout = Timeout, MaxInFlight = MaxInFlight };
}
