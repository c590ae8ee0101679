namespace PatientAccess.AuthServer.Staff;

/// <summary>
/// One thing plan staff (or the automatic review service) did: sign-in, approval, denial,
/// suspension. Kept for good, so "who approved this app, when and why" always has an answer.
/// </summary>
internal sealed class StaffActionRecord
{
    public long Id { get; set; }

    /// <summary>A <see cref="StaffActor"/> id: <c>staff:</c> and a key fingerprint, or <c>automatic</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>What was done, for example <c>production.approved</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The client id (or request id) acted on; empty for sign-in and sign-out.</summary>
    public required string Subject { get; set; }

    public string? Reason { get; set; }

    public long At { get; set; }
}
