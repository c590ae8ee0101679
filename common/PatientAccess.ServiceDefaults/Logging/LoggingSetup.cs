using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PatientAccess.ServiceDefaults.Logging;

internal static class LoggingSetup
{
    /// <summary>One JSON object per line on stdout, UTC timestamps, scopes included (request id, trace id).</summary>
    public static void AddJsonConsoleLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }
}
