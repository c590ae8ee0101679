namespace PatientAccess.Monitor.Reviews;

/// <summary>
/// One flagged app in the review queue: which detector, the evidence it acted on, what was done and
/// where it stands. <c>GET /api/reviews</c> serializes it (snake_case) and <c>/reviews</c> shows it.
/// </summary>
/// <param name="Id">The flag's id (UUIDv7).</param>
/// <param name="ClientId">The app.</param>
/// <param name="Detector">One of <see cref="DetectorNames"/>.</param>
/// <param name="Action">One of <see cref="ActionNames"/>: what the monitor did.</param>
/// <param name="State">One of <see cref="ReviewStates"/>.</param>
/// <param name="FlaggedAt">When the monitor flagged it.</param>
/// <param name="Evidence">What the detector counted.</param>
/// <param name="Explanation">The evidence in one English sentence, for logs and e-mails.</param>
/// <param name="Steps">The cascade's steps as the authserver reported them (empty for alert and throttle).</param>
/// <param name="Decision">The staff decision, once there is one.</param>
internal sealed record ReviewItem(
    string Id,
    string ClientId,
    string Detector,
    string Action,
    string State,
    DateTimeOffset FlaggedAt,
    ReviewEvidence Evidence,
    string Explanation,
    IReadOnlyList<ReviewStep> Steps,
    ReviewDecision? Decision)
{
    /// <summary><c>info</c>, <c>warning</c> or <c>critical</c>, from the detector's configuration (added by the detectors' part; not positional, so existing constructions stand).</summary>
    public string Severity { get; init; } = "warning";
}
