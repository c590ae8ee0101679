namespace PatientAccess.Testing;

/// <summary>
/// Prometheus' own checker, the judge of the exposition format: <c>promtool check
/// metrics</c> parses the text and lints names, types and help.
/// </summary>
public static class Promtool
{
    public static async Task<(bool Ok, string Report)> CheckMetricsAsync(string exposition)
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        var (exitCode, output) = await ExternalTool.RunAsync(promtool, ["check", "metrics"], exposition);
        return (exitCode == 0, output);
    }
}
