using PatientAccess.LoadTests.Reports;

namespace PatientAccess.LoadTests.Cli;

/// <summary>The end of every load command: the console summary, then the Markdown and HTML files.</summary>
internal static class ReportOutput
{
    public static async Task<int> WriteAsync(RunReport report, string directory, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        await output.WriteAsync(ConsoleSummary.Render(report));
        try
        {
            var (markdown, html) = ReportFiles.Write(report, directory);
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
