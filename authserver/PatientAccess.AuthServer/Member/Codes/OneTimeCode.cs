using System.Globalization;
using System.Security.Cryptography;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>
/// Six-digit e-mailed codes, for the member pages and the developer portal alike. A million codes
/// would fall to an offline search of a plain hash, so the stored hash covers the session's
/// 256-bit handle too (only the handle's hash is stored): the database alone cannot reveal a code,
/// and a code works only with the session it was sent for. A code dies after the allowed tries.
/// </summary>
internal static class OneTimeCode
{
    /// <summary>Puts a fresh code in the slot (replacing any earlier one) and returns it for the e-mail.</summary>
    public static string Issue(ICodeSlot slot, string handle, string purpose, long expiresAt)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        slot.CodeHash = HashOf(handle, purpose, code);
        slot.CodeExpiresAt = expiresAt;
        slot.CodeAttempts = 0;
        return code;
    }

    /// <summary>Checks a typed code, counting the try; an accepted code is spent.</summary>
    public static CodeCheck Check(ICodeSlot slot, string handle, string purpose, string typed, long now, int allowedAttempts)
    {
        ArgumentNullException.ThrowIfNull(slot);
        if (slot.CodeHash is null || slot.CodeExpiresAt <= now || slot.CodeAttempts >= allowedAttempts)
        {
            return CodeCheck.Dead;
        }

        slot.CodeAttempts++;
        if (Secrets.FixedTimeEquals(HashOf(handle, purpose, typed), slot.CodeHash))
        {
            slot.CodeHash = null;
            return CodeCheck.Accepted;
        }

        return slot.CodeAttempts >= allowedAttempts ? CodeCheck.Dead : CodeCheck.Wrong;
    }

    public static int AttemptsLeft(ICodeSlot slot, int allowedAttempts)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return Math.Max(0, allowedAttempts - slot.CodeAttempts);
    }

    /// <summary>The purpose keeps a member code and a developer code for the same handle apart ("" for members, as stored before).</summary>
    private static string HashOf(string handle, string purpose, string code) => Secrets.Hash(purpose + handle + ":" + code);
}
