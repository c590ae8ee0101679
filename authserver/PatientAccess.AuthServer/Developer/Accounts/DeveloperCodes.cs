using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member.Codes;

namespace PatientAccess.AuthServer.Developer.Accounts;

/// <summary>
/// The portal's six-digit sign-in codes, made as the member pages make theirs (<see cref="OneTimeCode"/>)
/// with the portal's lifetime and tries; hashed under their own purpose, so a member code can never
/// pass for a developer code.
/// </summary>
internal sealed class DeveloperCodes(IOptions<DeveloperPortalOptions> options, TimeProvider time)
{
    private const string Purpose = "developer:";

    public string Issue(DeveloperSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return OneTimeCode.Issue(session.Record, session.Handle, Purpose, time.GetUtcNow().ToUnixTimeSeconds() + (options.Value.CodeMinutes * 60L));
    }

    public CodeCheck Check(DeveloperSession session, string typed)
    {
        ArgumentNullException.ThrowIfNull(session);
        return OneTimeCode.Check(session.Record, session.Handle, Purpose, typed, time.GetUtcNow().ToUnixTimeSeconds(), options.Value.CodeAttempts);
    }

    public int AttemptsLeft(DeveloperSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return OneTimeCode.AttemptsLeft(session.Record, options.Value.CodeAttempts);
    }

    /// <summary>Six digits, spaces ignored; anything else is refused before a try is counted.</summary>
    public static string? Normalize(string? typed)
    {
        var code = (typed ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        return code.Length == 6 && code.All(char.IsAsciiDigit) ? code : null;
    }
}
