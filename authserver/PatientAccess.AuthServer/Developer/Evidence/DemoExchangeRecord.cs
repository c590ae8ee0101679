namespace PatientAccess.AuthServer.Developer.Evidence;

/// <summary>
/// One successful token exchange of an authorization code for a demo member, copied from the
/// code records (which revoking the grant deletes), keyed by the code's hash so it is counted once.
/// </summary>
internal sealed class DemoExchangeRecord
{
    public required string CodeHash { get; set; }

    public required string ClientId { get; set; }

    /// <summary>The demo member's FHIR Patient id.</summary>
    public required string PatientId { get; set; }

    public long ExchangedAt { get; set; }
}
