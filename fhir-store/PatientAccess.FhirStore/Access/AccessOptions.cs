using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace PatientAccess.FhirStore.Access;

/// <summary>
/// Who may read the store. Section <c>Access</c>. There is no default key: a store
/// without one refuses to start rather than run open.
/// </summary>
public sealed partial class AccessOptions : IValidatableObject
{
    public const string Section = "Access";

    /// <summary>
    /// Base64 keys (32 bytes or more) shared with the gateway for the member-context header;
    /// the gateway signs with the first, the store accepts any, so keys rotate without downtime.
    /// </summary>
    public IList<string> MemberContextKeys { get; } = [];

    /// <summary>
    /// SHA-256 hashes (hex) of operator keys, presented as <c>Authorization: Bearer KEY</c>,
    /// which read everything and may import. Hashes only: the keys themselves are never stored.
    /// </summary>
    public IList<string> OperatorKeyHashes { get; } = [];

    /// <summary>
    /// Comma-separated sensitive categories (v3-ActCode codes) that a member must all have consented
    /// to before resources labelled v3-Confidentiality R (restricted) or V (very restricted) are
    /// shown. Such a label says a record is sensitive without saying why, so by default it takes
    /// consent to every category: only a member who shares all sensitive information has consented
    /// to whatever kind this record is. A plan may name fewer; it cannot name none.
    /// </summary>
    public string RestrictedConfidentialityUnlockedBy { get; set; } = string.Join(',', MemberContext.SensitiveCategories.All.Order(StringComparer.Ordinal));

    /// <summary><see cref="RestrictedConfidentialityUnlockedBy"/> as a list.</summary>
    public IReadOnlyList<string> RestrictedUnlockedBy =>
        [.. RestrictedConfidentialityUnlockedBy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant())];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MemberContextKeys.All(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("is required: at least one base64 key of 32 bytes or more, shared with the gateway", [nameof(MemberContextKeys)]);
        }

        foreach (var key in MemberContextKeys.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            if (!TryKey(key, out _))
            {
                yield return new ValidationResult("each key must be base64 of 32 bytes or more", [nameof(MemberContextKeys)]);
            }
        }

        if (RestrictedUnlockedBy.Count == 0)
        {
            yield return new ValidationResult("is required: the sensitive categories whose consent unlocks R/V-labelled resources", [nameof(RestrictedConfidentialityUnlockedBy)]);
        }

        foreach (var unknown in RestrictedUnlockedBy.Where(c => !MemberContext.SensitiveCategories.All.Contains(c)))
        {
            yield return new ValidationResult($"'{unknown}' is not a sensitive category ({string.Join(", ", MemberContext.SensitiveCategories.All)})",
                [nameof(RestrictedConfidentialityUnlockedBy)]);
        }

        foreach (var hash in OperatorKeyHashes.Where(h => !string.IsNullOrWhiteSpace(h)))
        {
            if (!HexHash().IsMatch(hash))
            {
                yield return new ValidationResult("each entry must be a SHA-256 hash in hex (64 characters)", [nameof(OperatorKeyHashes)]);
            }
        }
    }

    public static bool TryKey(string text, out byte[] key)
    {
        key = [];
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out var written) || written < 32)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex HexHash();
}
