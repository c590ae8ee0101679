namespace PatientAccess.LoadTests.Smart;

/// <summary>How a member session got signed in.</summary>
internal enum SignInKind
{
    /// <summary>The member registered (identity checked, new account, e-mailed code).</summary>
    Registered,

    /// <summary>The account existed, so the member signed in with e-mail and code.</summary>
    SignedIn,
}
