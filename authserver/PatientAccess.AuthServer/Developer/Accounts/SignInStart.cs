namespace PatientAccess.AuthServer.Developer.Accounts;

/// <summary>What asking for a code came to. <see cref="Sent"/> is also the answer when nothing was sent because the address has no account.</summary>
internal enum SignInStart
{
    Sent,
    BadEmail,
    BadName,

    /// <summary>Too many wrong codes from this client address.</summary>
    Locked,

    /// <summary>Too many codes asked for this address or from this client address.</summary>
    Throttled,

    /// <summary>The mail could not be handed on; nothing was counted.</summary>
    MailFailed,
}
