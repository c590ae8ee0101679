using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Reports;
using PatientAccess.LoadTests.Scenarios;

namespace PatientAccess.LoadTests.Cli;

/// <summary>The <c>http</c> command: runs the built-in http-get scenario and writes its reports.</summary>
internal static class HttpCommand
{
    public static async Task<int> RunAsync(
        HttpCommandOptions options,
        RunEnvironment environment,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        using var scenario = new HttpGetScenario(options.Urls, options.Headers);
        var phases = options.ToPhases();
        var targets = options.Urls.Select(u => u.ToString()).ToList();
        await output.WriteLineAsync(
            $"Running {scenario.Scenario.Name} ({string.Join("; then ", phases.Select(p => p.Describe()))}) against {string.Join(", ", targets)}; Ctrl+C stops early.");

        var result = await LoadTestRunner.RunAsync(scenario.Scenario, phases, options.ToRunSettings(), cancellationToken);
        var report = new RunReport(result, environment, targets);
        await output.WriteAsync(ConsoleSummary.Render(report));
        try
        {
            var (markdown, html) = ReportFiles.Write(report, options.ReportDirectory);
            await output.WriteLineAsync($"  reports: {markdown}");
            await output.WriteLineAsync($"           {html}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: --report-dir: could not write the report: {ex.Message}");
            return ExitCodes.RunFailed;
        }

        return ExitCodes.Ok;
    }
}
