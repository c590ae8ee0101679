namespace PatientAccess.LoadTests.Smart;

/// <summary>Limits for the unmeasured requests of a launch; generous, since they are not what is being tested.</summary>
internal static class SmartTimeouts
{
    /// <summary>Each discovery, member-page or token request.</summary>
    public static readonly TimeSpan Request = TimeSpan.FromSeconds(10);

    /// <summary>How long a sign-in waits for its e-mailed code to appear in the outbox.</summary>
    // The authserver writes the .eml before it redirects to the code page, so this only bounds the
    // case where no mail comes at all (an unknown address gets none, by design).
    public static readonly TimeSpan Mail = TimeSpan.FromSeconds(5);
}
