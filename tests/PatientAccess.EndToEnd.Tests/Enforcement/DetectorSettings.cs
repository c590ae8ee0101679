namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// The monitor's detector settings for the end-to-end tests, as environment variables run.sh
/// passes on: short windows and low thresholds, so one test's misbehaviour crosses a threshold
/// within seconds. The benign mix uses none of these (<see cref="BenignMixTests"/>): it runs
/// with the defaults, which is the point of it.
/// </summary>
internal static class DetectorSettings
{
    /// <summary>Write attempts in the window that flag an app in the test stack.</summary>
    public const int WriteAttemptsThreshold = 3;

    public static IReadOnlyDictionary<string, string> ForTests { get; } = new Dictionary<string, string>
    {
        // Filled in from the monitor's detector options (engineer B's Detection section).
    };
}
