using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Actions;

/// <summary>
/// The authserver's answer to an enforcement call: <paramref name="StatusCode"/> 200 with the
/// client's status after and the steps; 400/404/409 with the RFC 6749 error; 0 when it could not
/// be reached or answered nonsense (<paramref name="Error"/> says what).
/// </summary>
internal sealed record EnforcementResult(int StatusCode, string? ClientStatus, IReadOnlyList<ReviewStep> Steps, string? Error)
{
    public bool Succeeded => StatusCode == 200;

    /// <summary>
    /// Worth retrying with the same action_id: unreachable or 5xx, the admin key refused (fixed by
    /// an operator, then retried), or a step the authserver reports failed (re-run alone).
    /// </summary>
    public bool Retryable => StatusCode is 0 or 401 or 403 or >= 500 || (Succeeded && Steps.Any(s => s.State == "failed"));
}
