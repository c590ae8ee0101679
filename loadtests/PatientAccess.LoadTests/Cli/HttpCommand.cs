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

        using var scenario = new HttpGetScenario(options.Urls, options.Headers, options.CheckFhir);
        var phases = options.Load.ToPhases();
        var targets = options.Urls.Select(u => u.ToString()).ToList();
        await output.WriteLineAsync(
            $"Running {scenario.Scenario.Name} ({string.Join("; then ", phases.Select(p => p.Describe()))}) against {string.Join(", ", targets)}; Ctrl+C stops early.");

        var result = await LoadTestRunner.RunAsync(scenario.Scenario, phases, options.Load.ToRunSettings(), cancellationToken);
        return await ReportOutput.WriteAsync(new RunReport(result, environment, targets), options.Load.ReportDirectory, output, error);
    }
}
