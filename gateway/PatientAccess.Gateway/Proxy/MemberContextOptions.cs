using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Gateway.Proxy;

/// <summary>
/// The key the gateway signs member contexts with. Section <c>MemberContext</c>. No default: a
/// gateway without the key the store verifies with could only fail every request.
/// </summary>
public sealed class MemberContextOptions : IValidatableObject
{
    public const string Section = "MemberContext";

    /// <summary>Base64 keys of 32 bytes or more; the first signs (the store's <c>Access:MemberContextKeys</c>).</summary>
    public IList<string> Keys { get; } = [];

    /// <summary>How long a signed context is good for: long enough for clock drift, short enough to be worthless if captured.</summary>
    [Range(1, 300, ErrorMessage = "must be from 1 to 300 seconds")]
    public int LifetimeSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Keys.Count == 0 || Keys.All(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("is required: the base64 key shared with the fhir-store (Access:MemberContextKeys there)", [nameof(Keys)]);
        }
        else if (Keys.Any(k => Decode(k) is null))
        {
            yield return new ValidationResult("each key must be base64 of 32 bytes or more", [nameof(Keys)]);
        }
    }

    internal static byte[]? Decode(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), buffer, out var written) && written >= 32 ? buffer[..written] : null;
    }
}
