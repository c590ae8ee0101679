using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>The services the steps that send and check codes share, injected together.</summary>
internal sealed record CodeSteps(MemberSessions Sessions, MemberAccounts Accounts, CodeSender Sender, Lockouts Lockouts, CodeSendThrottle Throttle, MemberMetrics Metrics);
