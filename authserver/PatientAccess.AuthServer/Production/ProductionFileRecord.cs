namespace PatientAccess.AuthServer.Production;

/// <summary>A file sent with a request (its square logo, its certificate), content-checked before it is kept.</summary>
internal sealed class ProductionFileRecord
{
    public required string RequestId { get; set; }

    /// <summary><c>logo</c> or <c>certificate</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>From the content, never from the file name or the browser: image/png, image/jpeg or application/pdf.</summary>
    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}
