using Microsoft.AspNetCore.Builder;
using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.ServiceDefaults.Hosting;

/// <summary>Runs a service, turning configuration errors into a clear message and exit code.</summary>
public static class ServiceHost
{
    /// <summary>Exit code for "the configuration is wrong" (sysexits EX_CONFIG).</summary>
    public const int ConfigurationErrorExitCode = 78;

    public static int RunService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            app.Run();
            return 0;
        }
        catch (Exception ex) when (ConfigurationErrorText.Describe(ex).Count > 0)
        {
            return ReportConfigurationError(ConfigurationErrorText.Describe(ex));
        }
    }

    internal static int ReportConfigurationError(IEnumerable<string> failures)
    {
        Console.Error.WriteLine("Configuration error; the service did not start:");
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"  {failure}");
        }

        Console.Error.Flush();
        return ConfigurationErrorExitCode;
    }
}
