namespace PatientAccess.AuthServer.Authorize;

/// <summary>
/// The seam between the protocol and the member-facing pages: <c>/oauth2/authorize</c> stores
/// a validated request and sends the member to <c>/member/authorize/{requestId}</c>; those pages
/// sign the member in, verify identity, collect consent, then call one of these methods and
/// redirect the browser to the outcome. A request id can be completed once.
/// </summary>
internal interface IAuthorizationCompletion
{
    /// <summary>The pending request, or null when unknown, already completed or expired.</summary>
    Task<PendingAuthorizationView?> FindAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>Creates the grant and a code; the outcome redirects to the app with <c>code</c>, <c>state</c> and <c>iss</c>.</summary>
    Task<AuthorizationOutcome> ApproveAsync(AuthorizationApproval approval, CancellationToken cancellationToken);

    /// <summary>The member declined: the outcome redirects to the app with <c>error=access_denied</c>.</summary>
    Task<AuthorizationOutcome> DenyAsync(string requestId, CancellationToken cancellationToken);
}
