namespace PatientAccess.AuthServer.Developer.Logos;

/// <summary>An app's logo as uploaded, checked (<see cref="LogoImage"/>) before it was stored; served at <see cref="LogoStore.PathOf"/>.</summary>
internal sealed class LogoRecord
{
    public required string ClientId { get; set; }

    /// <summary><c>image/png</c> or <c>image/jpeg</c>, from the content, never from the upload's claims.</summary>
    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>Base64url SHA-256 of the content: the ETag.</summary>
    public required string ContentHash { get; set; }

    public long UpdatedAt { get; set; }
}
