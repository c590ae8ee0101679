using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member.Codes;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Developer.Accounts;

/// <summary>
/// Six-digit sign-in codes, as the member pages make them (<see cref="EmailCodes"/>): the stored
/// hash covers the session's 256-bit handle too, so the database alone cannot reveal a code and a
/// code works only with the session (cookie or verification token) it was sent for; a code dies
/// after <see cref="DeveloperPortalOptions.CodeAttempts"/> wrong tries.
/// </summary>
internal sealed class DeveloperCodes(IOptions<DeveloperPortalOptions> options, TimeProvider time)
{
    /// <summary>Puts a fresh code on the session (replacing any earlier one) and returns it for the e-mail.</summary>
    public string Issue(DeveloperSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        session.Record.CodeHash = HashOf(session.Handle, code);
        session.Record.CodeExpiresAt = time.GetUtcNow().ToUnixTimeSeconds() + (options.Value.CodeMinutes * 60L);
        session.Record.CodeAttempts = 0;
        return code;
    }

    /// <summary>Checks a typed code, counting the try; an accepted code is spent.</summary>
    public CodeCheck Check(DeveloperSession session, string typed)
    {
        ArgumentNullException.ThrowIfNull(session);
        var record = session.Record;
        if (record.CodeHash is null || record.CodeExpiresAt <= time.GetUtcNow().ToUnixTimeSeconds() || record.CodeAttempts >= options.Value.CodeAttempts)
        {
            return CodeCheck.Dead;
        }

        record.CodeAttempts++;
        if (Secrets.FixedTimeEquals(HashOf(session.Handle, typed), record.CodeHash))
        {
            record.CodeHash = null;
            return CodeCheck.Accepted;
        }

        return record.CodeAttempts >= options.Value.CodeAttempts ? CodeCheck.Dead : CodeCheck.Wrong;
    }

    public int AttemptsLeft(DeveloperSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Math.Max(0, options.Value.CodeAttempts - session.Record.CodeAttempts);
    }

    /// <summary>Six digits, spaces ignored; anything else is refused before a try is counted.</summary>
    public static string? Normalize(string? typed)
    {
        var code = (typed ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        return code.Length == 6 && code.All(char.IsAsciiDigit) ? code : null;
    }

    private static string HashOf(string handle, string code) => Secrets.Hash("developer:" + handle + ":" + code);
}
