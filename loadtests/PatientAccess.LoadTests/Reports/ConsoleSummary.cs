using System.Globalization;
using System.Text;
using PatientAccess.LoadTests.Stats;

namespace PatientAccess.LoadTests.Reports;

/// <summary>A few lines for the terminal; the files hold the full picture.</summary>
internal static class ConsoleSummary
{
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var result = report.Result;
        var text = new StringBuilder();
        text.Append(result.ScenarioName).Append(": ").AppendJoin("; then ", result.Phases.Select(p => p.Description)).AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"  {ReportFormat.OfferedText(result.OfferedRate)}, started {ReportFormat.Rate(result.StartedRate)}/s, ")
            .Append(CultureInfo.InvariantCulture, $"dropped {result.Dropped}, abandoned {result.Abandoned}, peak in flight {result.PeakInFlight}, elapsed {ReportFormat.Seconds(result.Elapsed)}")
            .AppendLine();
        if (result.StoppedEarly)
        {
            text.AppendLine("  stopped early: the run was interrupted");
        }

        var nameWidth = Math.Max(8, result.Steps.Select(s => s.Name.Length).Append(result.ScenarioName.Length + 9).Max());
        text.Append("  ").Append("step".PadRight(nameWidth))
            .AppendLine("    count       ok   failed    req/s   p50 ms   p95 ms   p99 ms   max ms");
        foreach (var step in result.Steps)
        {
            AppendRow(text, step.Name, step, nameWidth);
        }

        AppendRow(text, "scenario " + result.ScenarioName, result.Scenario, nameWidth);
        var failures = result.Steps
            .SelectMany(s => s.FailedByOutcome.Select(f => $"{s.Name} {f.Key} × {f.Value.ToString(CultureInfo.InvariantCulture)}"))
            .ToList();
        text.Append("  failures: ").AppendLine(failures.Count == 0 ? "none" : string.Join(", ", failures));
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string name, StepSummary s, int nameWidth)
    {
        text.Append("  ").Append(name.PadRight(nameWidth))
            .Append(CultureInfo.InvariantCulture, $" {s.Count,8} {s.Ok,8} {s.Failed,8} {ReportFormat.Rate(s.RequestsPerSecond),8}")
            .Append(CultureInfo.InvariantCulture, $" {ReportFormat.Ms(s.Latency.P50),8} {ReportFormat.Ms(s.Latency.P95),8} {ReportFormat.Ms(s.Latency.P99),8} {ReportFormat.Ms(s.Latency.Max),8}")
            .AppendLine();
    }
}
