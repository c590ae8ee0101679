namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// The monitor's detector settings for the end-to-end tests (monitor <c>Detection</c> and
/// <c>Throttle</c> sections), as environment variables run.sh passes on: one-minute windows and
/// thresholds of a few events, so one test's misbehaviour crosses a threshold within seconds; the
/// actions stay the defaults (suspend; throttle for too-many-requests, escalating to a suspension
/// on the second throttle here instead of the third). The benign mix uses none of these
/// (<see cref="BenignMixTests"/>): it runs with the defaults, which is the point of it.
/// </summary>
internal static class DetectorSettings
{
    /// <summary>Write attempts in the window that flag an app in the test stack.</summary>
    public const int WriteAttemptsThreshold = 3;

    public static IReadOnlyDictionary<string, string> ForTests { get; } = new Dictionary<string, string>
    {
        ["Detection__WriteAttempts__WindowSeconds"] = "60",
        ["Detection__WriteAttempts__Threshold"] = WriteAttemptsThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Detection__TooManyRequests__WindowSeconds"] = "60",
        ["Detection__TooManyRequests__Threshold"] = "20",
        ["Detection__NonUs__WindowSeconds"] = "60",
        ["Detection__NonUs__Threshold"] = "3",
        // Scanning: 10 distinct not-found ids in a minute (the error share needs 50 requests; untouched).
        ["Detection__Erratic__WindowSeconds"] = "60",
        ["Detection__Erratic__DistinctNotFound"] = "10",
        // A new app is judged against a starting rate of 0.01 grants per 10 minutes: 5 grants in one
        // window is far in the tail; the other tests' apps get at most 3 grants each.
        ["Detection__UnusualAuthorizations__WindowSeconds"] = "600",
        ["Detection__UnusualAuthorizations__Threshold"] = "5",
        ["Detection__UnusualAuthorizations__StartingRate"] = "0.01",
        ["Detection__UnusualAuthorizations__Floor"] = "0.01",
        ["Detection__UnusualAuthorizations__MaxProbability"] = "0.001",
        // One reused rotated refresh token is enough here (the default 3 allows for clients retrying).
        ["Detection__TokenAbuse__WindowSeconds"] = "600",
        ["Detection__TokenAbuse__Threshold"] = "1",
        // A throttle lasts 8 s; the second one within the repeat window is a suspension.
        ["Throttle__DurationSeconds"] = "8",
        ["Throttle__SuspendAfter"] = "2",
    };
}
