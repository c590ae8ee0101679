namespace PatientAccess.AuthServer.Developer.Clients;

/// <summary>Which developer registered an app (a table of its own: the clients table gains no column). Apps not listed here belong to no developer.</summary>
internal sealed class DeveloperClientRecord
{
    public required string ClientId { get; set; }

    public required string DeveloperId { get; set; }

    public long CreatedAt { get; set; }

    /// <summary>When the secret was last replaced; null if never.</summary>
    public long? SecretRotatedAt { get; set; }
}
