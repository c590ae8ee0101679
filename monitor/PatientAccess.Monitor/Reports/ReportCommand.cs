using System.Text.Json;
using PatientAccess.Data;
using PatientAccess.Monitor.Storage;
using PatientAccess.ServiceDefaults.Configuration;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.Monitor.Reports;

/// <summary>
/// <c>PatientAccess.Monitor report usage --from YYYY-MM-DD --to YYYY-MM-DD [--format csv]</c> (or
/// <c>--year YYYY</c>): prints the same usage report as <c>GET /api/reports/usage</c>, from the
/// database the service's own settings name (appsettings.json, <c>Database__*</c> and
/// <c>Service__DataDirectory</c> environment variables, or <c>--Database:Provider=...</c> arguments),
/// without starting the service. Exit codes: 0 printed, 2 bad arguments (the reason on stderr).
/// </summary>
internal static class ReportCommand
{
    public static bool Matches(string[] args) => args is ["report", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not [_, "usage", ..])
        {
            await error.WriteLineAsync("usage: report usage --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv] | report usage --year YYYY [--format json|csv]");
            return 2;
        }

        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var settings = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i] is "--from" or "--to" or "--year" or "--format" && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains('=', StringComparison.Ordinal))
            {
                settings.Add(args[i]);
            }
            else
            {
                await error.WriteLineAsync($"unknown argument: {args[i]}");
                return 2;
            }
        }

        var format = options.GetValueOrDefault("format") ?? "json";
        if (format is not ("json" or "csv"))
        {
            await error.WriteLineAsync("format must be json or csv");
            return 2;
        }

        var (period, problem) = UsagePeriod.Parse(options.GetValueOrDefault("from"), options.GetValueOrDefault("to"), options.GetValueOrDefault("year"));
        if (period is null)
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        // The service's appsettings.json beside the binary, whatever the working folder.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. settings], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddValidatedOptions<ServiceOptions>(ServiceOptions.Section);
        builder.Services.AddDatabase("monitor.db");
        builder.Services.AddAuditStore();
        builder.Services.AddSingleton<UsageReportQuery>();
        using var host = builder.Build();
        var report = await host.Services.GetRequiredService<UsageReportQuery>().RunAsync(period, CancellationToken.None);
        await output.WriteAsync(format == "csv" ? report.ToCsv() : JsonSerializer.Serialize(report.ToJson()) + Environment.NewLine);
        return 0;
    }
}
