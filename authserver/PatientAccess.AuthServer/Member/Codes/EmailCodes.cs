using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>The member pages' six-digit e-mail codes (see <see cref="OneTimeCode"/>), with the member app's lifetime and tries.</summary>
internal sealed class EmailCodes(IOptions<MemberAppOptions> options, TimeProvider time)
{
    /// <summary>Puts a fresh code on the session (replacing any earlier one) and returns it for the e-mail.</summary>
    public string Issue(MemberSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return OneTimeCode.Issue(session.Record, session.Handle, string.Empty, time.GetUtcNow().ToUnixTimeSeconds() + (options.Value.CodeMinutes * 60L));
    }

    /// <summary>Checks a typed code, counting the try; an accepted code is spent.</summary>
    public CodeCheck Check(MemberSession session, string typed)
    {
        ArgumentNullException.ThrowIfNull(session);
        return OneTimeCode.Check(session.Record, session.Handle, string.Empty, typed, time.GetUtcNow().ToUnixTimeSeconds(), options.Value.CodeAttempts);
    }

    public int AttemptsLeft(MemberSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return OneTimeCode.AttemptsLeft(session.Record, options.Value.CodeAttempts);
    }
}
