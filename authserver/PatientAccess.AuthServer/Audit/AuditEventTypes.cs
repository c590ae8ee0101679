namespace PatientAccess.AuthServer.Audit;

/// <summary>The <c>type</c> field of audit stream entries.</summary>
internal static class AuditEventTypes
{
    public const string GrantApproved = "grant.approved";
    public const string GrantDenied = "grant.denied";
    public const string TokenIssued = "token.issued";
    public const string TokenRefreshed = "token.refreshed";
    public const string TokenRevoked = "token.revoked";
    public const string GrantRevoked = "grant.revoked";
    public const string ClientStatusChanged = "client.status_changed";
    public const string CodeReused = "code.reused";
    public const string RefreshTokenReused = "refresh_token.reused";
    public const string ClientAuthenticationFailed = "client.authentication_failed";

    /// <summary>One client and address went over the failure budget; its further failures this minute are counted in metrics only.</summary>
    public const string ClientAuthenticationThrottled = "client.authentication_throttled";

    /// <summary>An authenticated client that may not use this endpoint now (suspended, revoked, or a public client where a confidential one is needed).</summary>
    public const string ClientRefused = "client.refused";

    /// <summary>A token request refused after the client authenticated (bad code, stale refresh token, scope beyond the grant...).</summary>
    public const string TokenRefused = "token.refused";

    /// <summary>An authorization request refused before the member saw anything: unknown, suspended or revoked app, unregistered redirect URI.</summary>
    public const string AuthorizeRefused = "authorize.refused";

    /// <summary>A revocation request for a token issued to another client.</summary>
    public const string RevocationRefused = "revocation.refused";

    /// <summary>An enforcement action accepted (suspend, revoke, reinstate), with actor, reason and detector.</summary>
    public const string EnforcementAction = "enforcement.action";

    /// <summary>One step of an enforcement action finished: done, skipped or failed, with its count.</summary>
    public const string EnforcementStep = "enforcement.step";
}
