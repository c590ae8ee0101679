namespace PatientAccess.Monitor.Reviews;

/// <summary>
/// How a staff decision went: <paramref name="StatusCode"/> 200 with the app's new status, or the
/// error to show (404 no such app, 409 not in a state that allows it, 502 authserver unreachable).
/// </summary>
internal sealed record DecisionResult(int StatusCode, string? ClientStatus, string? Error)
{
    public bool Succeeded => StatusCode == 200;
}
