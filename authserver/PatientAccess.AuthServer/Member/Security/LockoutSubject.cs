namespace PatientAccess.AuthServer.Member.Security;

/// <summary>What a failure (or a code e-mail) is counted against, and how many it may have.</summary>
/// <param name="Key">A kind prefix and the subject, e.g. <c>identity-account:123456789123</c>; hashed before storage.</param>
/// <param name="MaxFailures">Counts in one window that lock the subject.</param>
/// <param name="ClearOnSuccess">Accounts are cleared by a success; addresses are not, so one good try cannot reset an attacker's count.</param>
/// <param name="WindowMinutes">The window counts are kept for, and how long the lock lasts; 0: <see cref="MemberAppOptions.LockoutMinutes"/>.</param>
internal sealed record LockoutSubject(string Key, int MaxFailures, bool ClearOnSuccess, int WindowMinutes = 0);
