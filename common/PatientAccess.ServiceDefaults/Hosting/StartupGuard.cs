using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.ServiceDefaults.Hosting;

/// <summary>
/// Catches configuration errors that surface outside <see cref="ServiceHost.RunService"/>
/// (options read while the host is built) and exits with the same clear message
/// instead of an unhandled-exception dump.
/// </summary>
internal static class StartupGuard
{
    private static int _installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is Exception ex && ConfigurationErrorText.Describe(ex) is { Count: > 0 } failures)
            {
                Environment.Exit(ServiceHost.ReportConfigurationError(failures));
            }
        };
    }
}
