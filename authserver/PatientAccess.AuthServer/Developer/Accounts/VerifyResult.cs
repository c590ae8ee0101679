namespace PatientAccess.AuthServer.Developer.Accounts;

/// <summary>What checking a typed code came to.</summary>
internal enum VerifyResult
{
    SignedIn,

    /// <summary>Not six digits: no try used.</summary>
    Format,
    Wrong,

    /// <summary>Expired, tried too often, or never sent: only a new code helps.</summary>
    Dead,

    /// <summary>Too many wrong codes from this client address.</summary>
    Locked,

    /// <summary>A sign-up whose address got an account meanwhile: sign in instead.</summary>
    Taken,
}
