using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Revocation;

namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// The one way an app is suspended or revoked, whoever asks (the admin API, the enforcement
/// endpoint, the automatic review-date check): status first (<see cref="BlockAsync"/>), so no new
/// code or token can be issued while the old ones are being listed, then every code, refresh and
/// access token of the app revoked everywhere (<see cref="RevokeTokensAsync"/>; the gateways hear
/// of it on the revocation feed), then an audit event naming who and why.
/// </summary>
internal sealed class ClientSuspension(ClientRegistry clients, RevocationList revocations, AuditTrail audit)
{
    /// <summary>False when there is no such client or it is revoked for good (nothing changes).</summary>
    public Task<bool> ChangeAsync(string clientId, ClientStatus status, CancellationToken cancellationToken) =>
        ChangeAsync(clientId, status, actor: null, reason: null, cancellationToken);

    /// <summary>As <see cref="ChangeAsync(string, ClientStatus, CancellationToken)"/>, naming who and why on the audit event.</summary>
    public async Task<bool> ChangeAsync(string clientId, ClientStatus status, string? actor, string? reason, CancellationToken cancellationToken)
    {
        if (!await BlockAsync(clientId, status, cancellationToken))
        {
            return false;
        }

        await RevokeTokensAsync(clientId, cancellationToken);
        audit.Record(new AuditEvent(AuditEventTypes.ClientStatusChanged, clientId, Detail: status.ToString().ToLowerInvariant(), Actor: actor, Reason: reason));
        return true;
    }

    /// <summary>The credentials step: the status changes, so the client can no longer authenticate or be authorized. False when there is no such client or it is revoked for good.</summary>
    public async Task<bool> BlockAsync(string clientId, ClientStatus status, CancellationToken cancellationToken)
    {
        if (status is not (ClientStatus.Suspended or ClientStatus.Revoked))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "only suspension and revocation go this way");
        }

        var client = await clients.FindAsync(clientId, cancellationToken);
        if (client is null || client.Status == ClientStatus.Revoked)
        {
            return false;
        }

        await clients.SetStatusAsync(clientId, status, cancellationToken);
        return true;
    }

    /// <summary>The tokens step: every code, access and refresh token of the client dies; returns how many live codes and refresh tokens died.</summary>
    public async Task<int> RevokeTokensAsync(string clientId, CancellationToken cancellationToken) =>
        (await revocations.RevokeClientAsync(clientId, cancellationToken)).LiveRevoked;
}
