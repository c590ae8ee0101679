namespace PatientAccess.Monitor.Flags;

/// <summary>One row of <c>monitor_flags</c> (see <see cref="FlagSchema"/>); evidence, steps and decision as JSON.</summary>
internal sealed record FlagRecord(
    string Id,
    string ClientId,
    string Detector,
    string Action,
    string Severity,
    string State,
    long FlaggedMs,
    long UpdatedMs,
    int Crossings,
    string Evidence,
    string Explanation,
    string? ActionId,
    long? ActionDoneMs,
    int Attempts,
    long? NextAttemptMs,
    string? LastError,
    long? ExpiresMs,
    string? ClientStatus,
    string Steps,
    string? Decision)
{
    /// <summary>The open_key while the flag waits for staff: one per app and detector.</summary>
    public static string OpenKey(string clientId, string detector) => detector + "|" + clientId;
}
