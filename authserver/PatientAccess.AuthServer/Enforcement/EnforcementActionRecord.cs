namespace PatientAccess.AuthServer.Enforcement;

/// <summary>
/// One enforcement action as it was asked for (<c>POST /admin/clients/{id}/enforcement</c>), kept
/// for good: its <see cref="ActionId"/> is the caller's idempotency key, so the same action asked
/// again answers this record and its steps instead of acting twice.
/// </summary>
internal sealed class EnforcementActionRecord
{
    /// <summary>The caller's UUID, lower case with hyphens.</summary>
    public required string ActionId { get; set; }

    public required string ClientId { get; set; }

    /// <summary><c>suspend</c>, <c>revoke</c> or <c>reinstate</c>.</summary>
    public required string Action { get; set; }

    /// <summary><c>monitor</c> or <c>staff:{name}</c>, as the caller said.</summary>
    public required string Actor { get; set; }

    /// <summary>The admin key that made the call: <c>admin:</c> and its fingerprint.</summary>
    public required string CalledBy { get; set; }

    public required string Reason { get; set; }

    public string? Detector { get; set; }

    /// <summary>Plain text for the plan's contacts; may be empty.</summary>
    public required string Evidence { get; set; }

    /// <summary>The client's status when the action was accepted (whether it was in the gallery before).</summary>
    public required string PreviousStatus { get; set; }

    public long CreatedAt { get; set; }
}
