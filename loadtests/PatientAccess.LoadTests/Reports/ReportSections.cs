using System.Globalization;
using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Stats;

namespace PatientAccess.LoadTests.Reports;

/// <summary>Builds the report's tables once, so the Markdown and HTML reports always say the same thing.</summary>
internal static class ReportSections
{
    public const string StepsTitle = "Steps";

    // A dispatcher this late at p99 was starved of CPU, and the latencies it measured are suspect.
    private const double DispatchLagWarningMs = 10;

    // Markdown timelines longer than this are folded into coarser rows to stay readable.
    private const int MaxTimelineRows = 60;

    public static IReadOnlyList<ReportTable> Build(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [Run(report), Load(report.Result), Steps(report.Result), Outcomes(report.Result), Generator(report.Result), Timeline(report.Result)];
    }

    public static ReportTable Run(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Result;
        var env = report.Environment;
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "Command", env.CommandLine },
            new[] { "Started", ReportFormat.Timestamp(result.StartedAt) },
            new[] { "Machine", $"{env.MachineName}, {env.ProcessorCount.ToString(CultureInfo.InvariantCulture)} cores" },
            new[] { "System", $"{env.OperatingSystem}, {env.Runtime}" },
            new[] { "Scenario", result.ScenarioName },
            new[] { "Targets", string.Join(", ", report.Targets) },
            new[] { "Load profile", string.Join("; then ", result.Phases.Select(p => p.Description)) },
            new[] { "Request timeout", ReportFormat.Seconds(result.Settings.RequestTimeout) },
            new[] { "Max in flight", $"{ReportFormat.Count(result.Settings.MaxInFlight)} (peak {ReportFormat.Count(result.PeakInFlight)})" },
            new[] { "Elapsed", ReportFormat.Seconds(result.Elapsed) },
        };
        if (report.Preparation is { } preparation)
        {
            rows.Insert(6, ["Prepared (not timed)", preparation]);
        }

        if (result.StoppedEarly)
        {
            rows.Add(["Stopped early", "yes: the run was interrupted before its load profile finished"]);
        }

        return new ReportTable("Run", ["", ""], rows);
    }

    public static ReportTable Load(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Phases
            .Select(p => (IReadOnlyList<string>)
            [
                p.Description, p.Ran == p.Duration ? ReportFormat.Seconds(p.Duration) : $"{ReportFormat.Seconds(p.Ran)} of {ReportFormat.Seconds(p.Duration)}", ReportFormat.Offered(p.OfferedRate), ReportFormat.Count(p.Planned),
                ReportFormat.Count(p.Started), ReportFormat.Rate(p.StartedRate), ReportFormat.Count(p.Dropped),
            ])
            .ToList();
        var note =
            $"{Capitalize(ReportFormat.OfferedText(result.OfferedRate))}, started {ReportFormat.Rate(result.StartedRate)}/s; " +
            $"{ReportFormat.Count(result.Dropped)} arrivals dropped at the in-flight cap, " +
            $"{ReportFormat.Count(result.Abandoned)} instances abandoned at the drain deadline.";
        return new ReportTable(
            "Load",
            ["phase", "duration", "offered/s", "planned", "started", "started/s", "dropped"],
            rows,
            note);
    }

    public static ReportTable Steps(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Steps.Select(s => StepRow(s.Name, s)).ToList();
        rows.Add(StepRow($"scenario {result.ScenarioName}", result.Scenario));
        return new ReportTable(
            StepsTitle,
            ["step", "count", "ok", "failed", "req/s", "min ms", "mean ms", "p50 ms", "p75 ms", "p90 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms", "bytes"],
            rows,
            "Latency from the step's start to its last response byte; the scenario row covers whole instances. " +
            "Percentiles come from HdrHistogram, accurate to 0.1%.");
    }

    public static ReportTable Outcomes(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Steps.Append(result.Scenario)
            .Select(s => (IReadOnlyList<string>)[s == result.Scenario ? $"scenario {s.Name}" : s.Name, ReportFormat.Outcomes(s.OkByOutcome), ReportFormat.Outcomes(s.FailedByOutcome)])
            .ToList();
        return new ReportTable("Outcomes", ["step", "ok by status", "failed by status or error"], rows);
    }

    public static ReportTable Generator(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lag = result.DispatchLag;
        string note;
        if (!result.HasOpenPhases)
        {
            note = "Closed model: instances start when the previous one ends, so there is no schedule to lag behind.";
        }
        else if (lag.P99 > DispatchLagWarningMs)
        {
            note = $"Warning: p99 dispatch lag above {ReportFormat.Ms(DispatchLagWarningMs)} ms; the generator was short of CPU and latencies may be understated.";
        }
        else
        {
            note = "Instances started on schedule.";
        }

        return new ReportTable(
            "Load generator",
            ["dispatch lag", "p50 ms", "p99 ms", "max ms"],
            [["started after scheduled time", ReportFormat.Ms(lag.P50), ReportFormat.Ms(lag.P99), ReportFormat.Ms(lag.Max)]],
            note);
    }

    public static ReportTable Timeline(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var points = result.Timeline;
        var width = Math.Max(1, (int)Math.Ceiling(points.Count / (double)MaxTimelineRows));
        var rows = new List<IReadOnlyList<string>>();
        for (var start = 0; start < points.Count; start += width)
        {
            var slice = points.Skip(start).Take(width).ToList();
            var label = width == 1
                ? slice[0].Second.ToString(CultureInfo.InvariantCulture)
                : $"{slice[0].Second.ToString(CultureInfo.InvariantCulture)}-{slice[^1].Second.ToString(CultureInfo.InvariantCulture)}";
            var ok = slice.Sum(p => p.Ok);
            var failed = slice.Sum(p => p.Failed);
            rows.Add([label, ReportFormat.Count(ok), ReportFormat.Count(failed), ReportFormat.Rate((ok + failed) / (double)slice.Count)]);
        }

        return new ReportTable("Timeline", ["second", "ok", "failed", "req/s"], rows, "Requests by the second of the run they completed in.");
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static IReadOnlyList<string> StepRow(string name, StepSummary s)
    {
        var l = s.Latency;
        return
        [
            name, ReportFormat.Count(s.Count), ReportFormat.Count(s.Ok), ReportFormat.Count(s.Failed), ReportFormat.Rate(s.RequestsPerSecond),
            ReportFormat.Ms(l.Min), ReportFormat.Ms(l.Mean), ReportFormat.Ms(l.P50), ReportFormat.Ms(l.P75), ReportFormat.Ms(l.P90),
            ReportFormat.Ms(l.P95), ReportFormat.Ms(l.P99), ReportFormat.Ms(l.P999), ReportFormat.Ms(l.Max), ReportFormat.Bytes(s.Bytes),
        ];
    }
}
