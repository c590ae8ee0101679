namespace PatientAccess.AuthServer.Member.Security;

/// <summary>What a failure is counted against, and how many failures it may have.</summary>
/// <param name="Key">A kind prefix and the subject, e.g. <c>identity-account:123456789123</c>; hashed before storage.</param>
/// <param name="MaxFailures">Failures in one window that lock the subject.</param>
/// <param name="ClearOnSuccess">Accounts are cleared by a success; addresses are not, so one good try cannot reset an attacker's count.</param>
internal sealed record LockoutSubject(string Key, int MaxFailures, bool ClearOnSuccess);
