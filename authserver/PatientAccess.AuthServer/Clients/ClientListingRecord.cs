namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// What members and the gallery see of an app beyond its name, logo and website (those are on
/// <see cref="ClientRecord"/>): filled for the demo apps at seeding and for other apps from their
/// approved production request. In a table of its own so databases made before it existed gain
/// it without a column change (see Storage/SchemaUpgrade).
/// </summary>
internal sealed class ClientListingRecord
{
    public required string ClientId { get; set; }

    /// <summary>One or two sentences a member reads before connecting the app.</summary>
    public string? Description { get; set; }

    public string? PrivacyPolicyUri { get; set; }

    public string? TermsOfServiceUri { get; set; }

    /// <summary>Where members write for help (user-facing; the security contact is not kept here).</summary>
    public string? SupportEmail { get; set; }

    public long UpdatedAt { get; set; }
}
