using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Monitor.Detection;

/// <summary>
/// Erratic behaviour: <see cref="DetectorOptions.Threshold"/> is the share of error answers (4xx;
/// rate-limit and revoked-token refusals count neither as errors nor in the total; 5xx are the
/// plan's own fault and count only in the total) at which the app is flagged, judged only over
/// <see cref="MinimumVolume"/> requests; or scanning: <see cref="DistinctNotFound"/> not-found answers
/// with distinct targets in the window.
/// </summary>
public sealed class ErraticOptions : DetectorOptions
{
    /// <summary>
    /// Requests the app must have made in the window before its error share is judged (default 50:
    /// below that a handful of 404s from a member's stale bookmark would be half the traffic).
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "must be from 1 to 1000000")]
    public int MinimumVolume { get; set; } = 50;

    /// <summary>
    /// Not-found answers (404) to distinct targets in the window that make scanning (default 100 in
    /// 5 minutes: a member's app reads the ids search results gave it, and misses a few at most).
    /// The gateway's events carry no resource id (privacy), so until they do every 404 is a distinct
    /// target; a repeated id counts once when they do. Counted with HyperLogLog (about 1% error).
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "must be from 1 to 1000000")]
    public int DistinctNotFound { get; set; } = 100;

    public ErraticOptions()
    {
        WindowSeconds = 300;
        Threshold = 0.5;
        Action = Reviews.ActionNames.Suspend;
        Severity = Severities.Warning;
    }
}
