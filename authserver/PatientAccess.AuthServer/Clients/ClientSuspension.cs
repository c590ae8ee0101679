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
internal sealed class ClientSuspension(ClientRegistry clients, RevocationList revocations, AuditTrail audit, TimeProvider time)
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

    /// <summary>
    /// A suspended client's credentials work again (its status before the suspension). Access tokens
    /// carry their issue time in whole seconds and the client's revocation entry covers every token
    /// issued up to and including its second, so a token issued in that same second after a quick
    /// reinstatement would be refused by every gateway for its whole life (an end-to-end test
    /// reinstated 0.5 s after the suspension and the new member's token was dead). So the status
    /// changes only once that second is over: at most a second's wait, and only right after a
    /// suspension. Tokens from before the suspension stay revoked.
    /// </summary>
    public async Task ReinstateAsync(ClientRecord client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await revocations.LatestClientRevocationAsync(client.ClientId, cancellationToken) is { } revokedAt)
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(revokedAt + 1) - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }

        await clients.SetStatusAsync(client.ClientId, client.SuspendedFrom ?? ClientStatus.Sandbox, cancellationToken);
    }

    /// <summary>The tokens step: every code, access and refresh token of the client dies; returns how many live codes and refresh tokens died.</summary>
    public async Task<int> RevokeTokensAsync(string clientId, CancellationToken cancellationToken) =>
        (await revocations.RevokeClientAsync(clientId, cancellationToken)).LiveRevoked;
}
