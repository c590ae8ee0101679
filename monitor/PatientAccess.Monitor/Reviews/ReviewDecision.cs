namespace PatientAccess.Monitor.Reviews;

/// <summary>A staff decision on a flag: <c>reinstate</c> or <c>revoke</c>, by whom, why and when.</summary>
internal sealed record ReviewDecision(string Kind, string Actor, string Reason, DateTimeOffset At);
