namespace PatientAccess.AuthServer.Enforcement;

/// <summary>
/// An e-mail an enforcement action has sent, one row per action and recipient: a replay of a failed
/// mail step writes only to recipients without a row, so nobody gets the same notice twice.
/// </summary>
internal sealed class EnforcementMailRecord
{
    public required string ActionId { get; set; }

    /// <summary><c>member:{account id}</c> or <c>contact:{address}</c>.</summary>
    public required string Recipient { get; set; }

    public long SentAt { get; set; }
}
