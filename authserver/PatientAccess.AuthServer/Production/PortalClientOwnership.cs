using PatientAccess.AuthServer.Developer.Accounts;
using PatientAccess.AuthServer.Developer.Clients;

namespace PatientAccess.AuthServer.Production;

/// <summary>
/// <see cref="IClientOwnership"/> on the developer portal's own sessions and ownership: the pages
/// (<c>/developer/...</c>) by the portal's session cookie, the JSON API (<c>/api/developer/...</c>)
/// by <c>Authorization: Bearer</c> only, as the portal's own API (a cookie never drives the API).
/// A developer who does not own the client is told nothing more than for a client that does not exist.
/// </summary>
internal sealed class PortalClientOwnership(DeveloperSessions sessions, DeveloperClients clients, DeveloperAccounts accounts) : IClientOwnership
{
    public async Task<string?> OwnerEmailAsync(HttpContext context, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (clientId.Length > 200)
        {
            return null;
        }

        var api = context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
        var session = api ? await sessions.FromBearerAsync(context, cancellationToken) : await sessions.FromCookieAsync(context, cancellationToken);
        if (session?.Record.DeveloperId is not { } developerId || await clients.FindOwnedAsync(developerId, clientId, cancellationToken) is null)
        {
            return null;
        }

        return (await accounts.FindAsync(developerId, cancellationToken))?.Email;
    }
}
