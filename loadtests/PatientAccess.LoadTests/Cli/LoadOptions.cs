using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Load;

namespace PatientAccess.LoadTests.Cli;

/// <summary>How load is offered; the options every load command shares.</summary>
internal sealed record LoadOptions
{
    public const string DefaultReportDirectory = "loadtest-reports";

    /// <summary>Open model: arrivals per second (the ramp's starting rate when <see cref="RampTo"/> is set).</summary>
    public double? Rate { get; init; }

    public double? RampTo { get; init; }

    /// <summary>Closed model: instances kept running at once.</summary>
    public int? Concurrency { get; init; }

    public required TimeSpan Duration { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxInFlight { get; init; } = 1000;

    public string ReportDirectory { get; init; } = DefaultReportDirectory;

    /// <summary>The open-model phase, or null for the closed model.</summary>
    public OpenLoadPhase? OpenPhase =>
        (Rate, RampTo) switch
        {
            ({ } from, { } to) => new RampRatePhase(from, to, Duration),
            ({ } rate, null) => new ConstantRatePhase(rate, Duration),
            _ => null,
        };

    /// <summary>The highest arrival rate the profile reaches; null for the closed model.</summary>
    public double? PeakRate => Rate is { } rate ? Math.Max(rate, RampTo ?? rate) : null;

    public IReadOnlyList<LoadPhase> ToPhases() =>
        OpenPhase is { } open ? [open]
        : Concurrency is { } copies ? [new KeepConcurrentPhase(copies, Duration)]
        : throw new InvalidOperationException("Options name neither a rate nor a concurrency.");

    public RunSettings ToRunSettings() => new() { RequestTimeout = Timeout, MaxInFlight = MaxInFlight };
}
