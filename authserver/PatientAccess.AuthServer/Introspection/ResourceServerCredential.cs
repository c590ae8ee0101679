namespace PatientAccess.AuthServer.Introspection;

/// <summary>A resource server (the gateway) allowed to introspect any token; the secret is configured as its SHA-256 (hex).</summary>
internal sealed class ResourceServerCredential
{
    public string Id { get; set; } = string.Empty;

    public string SecretHash { get; set; } = string.Empty;
}
