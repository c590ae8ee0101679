using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member.Sessions;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>
/// Six-digit e-mail codes. A million codes would fall to an offline search of a plain hash, so
/// the stored hash covers the session's 256-bit cookie handle too (only its hash is stored):
/// the database alone cannot reveal a code, and a code works only in the browser it was sent to.
/// </summary>
internal sealed class EmailCodes(IOptions<MemberAppOptions> options, TimeProvider time)
{
    /// <summary>Puts a fresh code on the session (replacing any earlier one) and returns it for the e-mail.</summary>
    public string Issue(MemberSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        session.Record.CodeHash = HashOf(session.Handle, code);
        session.Record.CodeExpiresAt = time.GetUtcNow().ToUnixTimeSeconds() + (options.Value.CodeMinutes * 60L);
        session.Record.CodeAttempts = 0;
        return code;
    }

    /// <summary>Checks a typed code, counting the try; an accepted code is spent.</summary>
    public CodeCheck Check(MemberSession session, string typed)
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

    public int AttemptsLeft(MemberSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Math.Max(0, options.Value.CodeAttempts - session.Record.CodeAttempts);
    }

    private static string HashOf(string handle, string code) => Secrets.Hash(handle + ":" + code);
}
