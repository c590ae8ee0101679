namespace PatientAccess.AuthServer.Introspection;

/// <summary>
/// A resource server (the gateway) allowed to introspect any token; the secret is configured as its
/// SHA-256 (hex). Make the secret 256 random bits (e.g. <c>openssl rand -base64 32</c>): failures are
/// throttled per address but never lock the server out, so the secret's entropy is what stops guessing.
/// </summary>
internal sealed class ResourceServerCredential
{
    public string Id { get; set; } = string.Empty;

    public string SecretHash { get; set; } = string.Empty;
}
