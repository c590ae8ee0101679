namespace PatientAccess.Monitor.Actions;

/// <summary>Contract 1: the authserver's enforcement endpoint.</summary>
internal interface IEnforcementClient
{
    /// <summary>
    /// Asks for <c>action</c> (<c>suspend</c>, <c>revoke</c>, <c>reinstate</c>) by <c>actor</c>
    /// (<c>monitor</c> or <c>staff:&lt;name&gt;</c>). <c>actionId</c> is the idempotency key: the same one
    /// again answers the recorded result and re-runs only failed steps.
    /// </summary>
    Task<EnforcementResult> EnforceAsync(
        string clientId, string actionId, string action, string actor, string reason, string? detector, string evidence, CancellationToken cancellationToken);
}
