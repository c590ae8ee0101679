using System.Globalization;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Revocation;

namespace PatientAccess.AuthServer.Admin;

/// <summary>
/// For security staff and the monitor (admin key): client status changes, grant revocation; for
/// the gateways (their read-only revocation feed key, see <see cref="AdminKeyFilter"/>): the
/// revocation feed and each app's rate limit. Suspending or revoking takes effect at once: the client's codes
/// and refresh tokens are deleted, its access tokens listed as revoked, new ones refused.
/// </summary>
internal static class AdminApi
{
    private const int FeedPageSize = 1000;

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").AddEndpointFilter<AdminKeyFilter>();
        group.MapGet("/clients/{clientId}", GetClientAsync);
        group.MapPost("/clients/{clientId}/suspend", (string clientId, HttpContext context, ClientRegistry clients, ClientSuspension suspension, CancellationToken ct) =>
            ChangeStatusAsync(context, clientId, ClientStatus.Suspended, clients, suspension, ct));
        group.MapPost("/clients/{clientId}/revoke", (string clientId, HttpContext context, ClientRegistry clients, ClientSuspension suspension, CancellationToken ct) =>
            ChangeStatusAsync(context, clientId, ClientStatus.Revoked, clients, suspension, ct));
        group.MapPost("/clients/{clientId}/reinstate", ReinstateAsync);
        group.MapPost("/grants/{grantId}/revoke", RevokeGrantAsync);
        group.MapGet("/revocations", FeedAsync).WithMetadata(RevocationFeedAccess.Instance);
        group.MapGet("/clients/{clientId}/rate-limit", GetRateLimitAsync).WithMetadata(RevocationFeedAccess.Instance);
        return group;
    }

    private static async Task<IResult> GetClientAsync(string clientId, HttpContext context, ClientRegistry clients, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(clientId, cancellationToken);
        return client is null ? NotFound(context, "no such client") : OAuthResults.Json200(context, Describe(client));
    }

    /// <summary>What a gateway needs of an app, and nothing more: its rate limit (null fields: the gateway's default).</summary>
    private static async Task<IResult> GetRateLimitAsync(string clientId, HttpContext context, ClientRegistry clients, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(clientId, cancellationToken);
        return client is null ? NotFound(context, "no such client") : OAuthResults.Json200(context, new JsonObject
        {
            ["client_id"] = client.ClientId,
            ["rate_limit_burst"] = client.RateLimitBurst,
            ["rate_limit_per_second"] = client.RateLimitPerSecond,
        });
    }

    private static async Task<IResult> ChangeStatusAsync(
        HttpContext context, string clientId, ClientStatus status, ClientRegistry clients, ClientSuspension suspension, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(clientId, cancellationToken);
        if (client is null)
        {
            return NotFound(context, "no such client");
        }

        if (client.Status == ClientStatus.Revoked)
        {
            return OAuthResults.Error(context, OAuthError.InvalidRequest("the client is revoked for good"), StatusCodes.Status409Conflict);
        }

        // The same path as the automatic review-date suspension (Production/OverdueAttestationSuspender).
        await suspension.ChangeAsync(clientId, status, cancellationToken);
        return OAuthResults.Json200(context, Describe((await clients.FindAsync(clientId, cancellationToken))!));
    }

    private static async Task<IResult> ReinstateAsync(string clientId, HttpContext context, ClientRegistry clients, AuditTrail audit, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(clientId, cancellationToken);
        if (client is null)
        {
            return NotFound(context, "no such client");
        }

        if (client.Status != ClientStatus.Suspended)
        {
            return OAuthResults.Error(context, OAuthError.InvalidRequest("only a suspended client can be reinstated"), StatusCodes.Status409Conflict);
        }

        // Tokens from before the suspension stay revoked: the list entry covers everything issued until then.
        await clients.SetStatusAsync(clientId, client.SuspendedFrom ?? ClientStatus.Sandbox, cancellationToken);
        audit.Record(new AuditEvent(AuditEventTypes.ClientStatusChanged, clientId, Detail: "reinstated"));
        return OAuthResults.Json200(context, Describe((await clients.FindAsync(clientId, cancellationToken))!));
    }

    private static async Task<IResult> RevokeGrantAsync(string grantId, HttpContext context, RevocationList revocations, AuditTrail audit, CancellationToken cancellationToken)
    {
        var entry = await revocations.RevokeGrantAsync(grantId, cancellationToken);
        if (entry is null)
        {
            return NotFound(context, "no such live grant");
        }

        audit.Record(new AuditEvent(AuditEventTypes.GrantRevoked, "-", grantId, Detail: "admin"));
        return OAuthResults.Json200(context, RevocationList.ToJson(entry));
    }

    /// <summary>
    /// <c>GET /admin/revocations?after={sequence}</c>: live entries after the cursor, oldest first
    /// (no cursor: the whole snapshot). <c>cursor</c> is what to send next; <c>more</c> says another page waits.
    /// </summary>
    private static async Task<IResult> FeedAsync(HttpContext context, RevocationList revocations, CancellationToken cancellationToken)
    {
        var query = OAuthParameters.From(context.Request.Query);
        if (query.FirstProblem() is { } problem)
        {
            return OAuthResults.Error(context, OAuthError.InvalidRequest(problem));
        }

        long after = 0;
        if (query["after"] is { } text && (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return OAuthResults.Error(context, OAuthError.InvalidRequest("after must be a non-negative whole number"));
        }

        // Read the latest sequence first: entries commit in sequence order, so everything up to
        // it is already visible, and a cursor built from it can never skip a later commit.
        var latest = await revocations.LatestSequenceAsync(cancellationToken);
        var entries = await revocations.ReadAsync(after, FeedPageSize, cancellationToken);
        var more = entries.Count == FeedPageSize;
        var cursor = more ? entries[^1].Sequence : Math.Max(Math.Max(after, latest), entries.Count > 0 ? entries[^1].Sequence : 0);
        return OAuthResults.Json200(context, new JsonObject
        {
            ["cursor"] = cursor,
            ["more"] = more,
            ["revocations"] = new JsonArray([.. entries.Select(RevocationList.ToJson)]),
        });
    }

    private static JsonObject Describe(ClientRecord client) => new()
    {
        ["client_id"] = client.ClientId,
        ["name"] = client.Name,
        ["type"] = client.Type.ToString().ToLowerInvariant(),
        ["status"] = client.Status.ToString().ToLowerInvariant(),
        ["redirect_uris"] = new JsonArray([.. client.RedirectUris.Select(u => JsonValue.Create(u))]),
        ["logo_uri"] = client.LogoUri,
        ["website"] = client.Website,
        ["rate_limit_burst"] = client.RateLimitBurst,
        ["rate_limit_per_second"] = client.RateLimitPerSecond,
    };

    private static IResult NotFound(HttpContext context, string description) =>
        OAuthResults.Error(context, OAuthError.InvalidRequest(description), StatusCodes.Status404NotFound);
}
