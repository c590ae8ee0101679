namespace PatientAccess.AuthServer.Production;

/// <summary>
/// An approved app's review dates: the annual review (approval + 1 year) and the attestation
/// renewal (attestation date + 2 years). A later approved request (a renewal) replaces them.
/// </summary>
internal sealed class ReviewScheduleRecord
{
    public required string ClientId { get; set; }

    /// <summary>The approved request the dates come from.</summary>
    public required string RequestId { get; set; }

    public long ApprovedAt { get; set; }

    public long ReviewDueAt { get; set; }

    public long AttestedAt { get; set; }

    public long AttestationDueAt { get; set; }

    /// <summary>Set when the app was suspended automatically for an overdue attestation.</summary>
    public long? AutoSuspendedAt { get; set; }
}
