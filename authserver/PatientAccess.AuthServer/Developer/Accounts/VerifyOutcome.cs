namespace PatientAccess.AuthServer.Developer.Accounts;

/// <summary>The result of a code check; <see cref="Session"/> is the new signed-in session when <see cref="Result"/> is <see cref="VerifyResult.SignedIn"/>.</summary>
internal sealed record VerifyOutcome(VerifyResult Result, DeveloperSession? Session = null, int AttemptsLeft = 0);
