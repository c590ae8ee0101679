namespace PatientAccess.Monitor.Reviews;

/// <summary>
/// Why an app was flagged, in numbers a person can check against the audit trail: what was counted
/// in which window, against which threshold; for baselines, the expected count, how many windows of
/// history it came from and how unlikely the observed count was under it.
/// </summary>
/// <param name="Count">What the detector counted in the window.</param>
/// <param name="Threshold">The count (or, for shares, the share) at which it acts.</param>
/// <param name="WindowSeconds">The window's length.</param>
/// <param name="WindowStart">The window's first instant.</param>
/// <param name="WindowEnd">The window's end (the event that crossed).</param>
/// <param name="Total">The app's requests in the window, where a share was judged (else null).</param>
/// <param name="Expected">Baselines only: the expected count in the window.</param>
/// <param name="HistoryWindows">Baselines only: how many past windows the expectation came from (0: the configured starting rate).</param>
/// <param name="Probability">Baselines only: the chance of a count at least this high under the expectation.</param>
/// <param name="SampleEventIds">A few AuditEvent ids (<c>GET /r4/AuditEvent/{id}</c>) from the window.</param>
internal sealed record ReviewEvidence(
    long Count,
    double Threshold,
    int WindowSeconds,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    long? Total,
    double? Expected,
    int? HistoryWindows,
    double? Probability,
    IReadOnlyList<string> SampleEventIds);
