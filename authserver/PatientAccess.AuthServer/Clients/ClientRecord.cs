namespace PatientAccess.AuthServer.Clients;

/// <summary>A registered app. Times are Unix seconds so both databases compare them the same way.</summary>
internal sealed class ClientRecord
{
    public required string ClientId { get; set; }

    public required string Name { get; set; }

    public string? LogoUri { get; set; }

    public string? Website { get; set; }

    public ClientType Type { get; set; }

    public ClientStatus Status { get; set; }

    public List<string> RedirectUris { get; set; } = [];

    /// <summary>See <see cref="ClientSecrets"/>; null for public clients.</summary>
    public string? SecretHash { get; set; }

    /// <summary>Scopes the app may ever be granted (SMART syntax, v1 or v2); requests beyond them are narrowed.</summary>
    public List<string> AllowedScopes { get; set; } = [];

    /// <summary>Per-client override of the gateway's burst size; null: the gateway default.</summary>
    public int? RateLimitBurst { get; set; }

    /// <summary>Per-client override of the gateway's sustained rate; null: the gateway default.</summary>
    public double? RateLimitPerSecond { get; set; }

    public long CreatedAt { get; set; }

    public long StatusChangedAt { get; set; }

    /// <summary>The status a suspended client returns to when reinstated.</summary>
    public ClientStatus? SuspendedFrom { get; set; }

    public bool IsActive => Status is ClientStatus.Sandbox or ClientStatus.Production;
}
