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
}
