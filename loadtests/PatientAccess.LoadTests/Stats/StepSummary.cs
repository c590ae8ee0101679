namespace PatientAccess.LoadTests.Stats;

/// <summary>
/// Final numbers for one step (or for whole scenario instances). Outcome keys are status codes
/// ("200", "503") or error kinds ("timeout"); rates are per second of the run's elapsed time.
/// </summary>
internal sealed record StepSummary(
    string Name,
    long Count,
    long Ok,
    long Failed,
    IReadOnlyDictionary<string, long> OkByOutcome,
    IReadOnlyDictionary<string, long> FailedByOutcome,
    LatencySummary Latency,
    long Bytes,
    double RequestsPerSecond);
