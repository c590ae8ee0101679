namespace PatientAccess.AuthServer.Member.Sessions;

/// <summary>A loaded session: its stored record and the cookie handle it came from (needed to check codes).</summary>
internal sealed record MemberSession(string Handle, MemberSessionRecord Record);
