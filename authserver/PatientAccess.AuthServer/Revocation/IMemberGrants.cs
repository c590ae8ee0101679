namespace PatientAccess.AuthServer.Revocation;

/// <summary>The seam for the member pages' "connected apps": list a member's live grants and revoke one.</summary>
internal interface IMemberGrants
{
    Task<IReadOnlyList<MemberGrantView>> ListAsync(string memberAccountId, CancellationToken cancellationToken);

    /// <summary>Revokes the grant if it belongs to the member; false when it does not, or is already revoked.</summary>
    Task<bool> RevokeAsync(string memberAccountId, string grantId, CancellationToken cancellationToken);
}
