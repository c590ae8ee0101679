using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Revocation;

namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// The one way an app is suspended or revoked, whoever asks (the admin API, the automatic
/// review-date check): status first, so no new code or token can be issued while the old ones
/// are being listed, then every code, refresh and access token of the app revoked everywhere
/// (the gateways hear of it on the revocation feed), then an audit event.
/// </summary>
internal sealed class ClientSuspension(ClientRegistry clients, RevocationList revocations, AuditTrail audit)
{
    /// <summary>False when there is no such client or it is revoked for good (nothing changes).</summary>
    public async Task<bool> ChangeAsync(string clientId, ClientStatus status, CancellationToken cancellationToken)
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
        await revocations.RevokeClientAsync(clientId, cancellationToken);
        audit.Record(new AuditEvent(AuditEventTypes.ClientStatusChanged, clientId, Detail: status.ToString().ToLowerInvariant()));
        return true;
    }
}
