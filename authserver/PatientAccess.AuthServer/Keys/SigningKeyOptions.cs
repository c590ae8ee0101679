using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Keys;

/// <summary>Signing key rotation and protection at rest. Section <c>SigningKeys</c>.</summary>
internal sealed class SigningKeyOptions : IValidatableObject
{
    public const string Section = "SigningKeys";

    /// <summary>How long one key signs. Its successor is created and published a whole period before it signs.</summary>
    [Range(1, 365, ErrorMessage = "must be from 1 to 365 days")]
    public int RotationDays { get; set; } = 30;

    /// <summary>How often each replica checks the key table (new keys made by another replica, due rotations).</summary>
    [Range(5, 3600, ErrorMessage = "must be from 5 to 3600 seconds")]
    public int CheckSeconds { get; set; } = 60;

    /// <summary>
    /// The AES-256 key (base64 of 32 bytes) sealing private keys in the database. Every replica
    /// sharing a database needs the same one: set it from a secret store in production.
    /// Empty: read from <see cref="EncryptionKeyFile"/>, created on first start.
    /// </summary>
    public string EncryptionKey { get; set; } = string.Empty;

    /// <summary>Key file, relative to <c>Service:DataDirectory</c> unless absolute.</summary>
    [Required(ErrorMessage = "is required")]
    public string EncryptionKeyFile { get; set; } = "signing-keys.key";

    public TimeSpan RotationPeriod => TimeSpan.FromDays(RotationDays);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EncryptionKey.Length > 0 && !IsAesKey(EncryptionKey))
        {
            yield return new ValidationResult("must be the base64 encoding of exactly 32 bytes", [nameof(EncryptionKey)]);
        }
    }

    private static bool IsAesKey(string value)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == 32;
    }
}
