namespace PatientAccess.Monitor.Reviews;

/// <summary>
/// Staff decisions on an app (the API's <c>POST /api/apps/{clientId}/reinstate|revoke</c> and the
/// page's forms): each is carried out at the authserver and recorded as an AuditEvent.
/// </summary>
internal interface IStaffDecisions
{
    Task<DecisionResult> ReinstateAsync(string clientId, string actor, string reason, CancellationToken cancellationToken);

    Task<DecisionResult> RevokeAsync(string clientId, string actor, string reason, CancellationToken cancellationToken);
}
