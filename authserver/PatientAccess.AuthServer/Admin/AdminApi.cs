using System.Globalization;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Revocation;
using PatientAccess.AuthServer.Staff;

namespace PatientAccess.AuthServer.Admin;

/// <summary>
/// For security staff and the monitor (admin key): client status changes, grant revocation; for
/// the gateways (their read-only revocation feed key, see <see cref="AdminKeyFilter"/>): the
/// revocation feed and each app's rate limit. Every action takes a reason and records the admin key's
/// fingerprint as its actor (audit stream and the staff action log). Suspending or revoking takes effect at once: the client's codes
/// and refresh tokens are deleted, its access tokens listed as revoked, new ones refused.
/// </summary>
internal static class AdminApi
{
    private const int FeedPageSize = 1000;

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").AddEndpointFilter<AdminKeyFilter>();
        group.MapGet("/clients", AdminClientList.ListAsync);
        group.MapGet("/clients/{clientId}", GetClientAsync);
        group.MapPost("/clients/{clientId}/suspend", (string clientId, HttpContext context, ClientRegistry clients, ClientSuspension suspension, StaffActions actions, CancellationToken ct) =>
            ChangeStatusAsync(context, clientId, ClientStatus.Suspended, clients, suspension, actions, ct));
        group.MapPost("/clients/{clientId}/revoke", (string clientId, HttpContext context, ClientRegistry clients, ClientSuspension suspension, StaffActions actions, CancellationToken ct) =>
            ChangeStatusAsync(context, clientId, ClientStatus.Revoked, clients, suspension, actions, ct));
        group.MapPost("/clients/{clientId}/reinstate", ReinstateAsync);
        group.MapPost("/clients/{clientId}/enforcement", Enforcement.EnforcementApi.HandleAsync);
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

    /// <summary>Suspend or revoke, with a required reason; the admin key's fingerprint is recorded as the actor.</summary>
    private static async Task<IResult> ChangeStatusAsync(
        HttpContext context, string clientId, ClientStatus status, ClientRegistry clients, ClientSuspension suspension, StaffActions actions, CancellationToken cancellationToken)
    {
        var (reason, problem) = await AdminReason.ReadAsync(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

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
        var actor = AdminKeyFilter.Actor(context);
        await suspension.ChangeAsync(clientId, status, actor, reason, cancellationToken);
        await actions.RecordAsync(new StaffActor(actor), "client." + status.ToString().ToLowerInvariant(), clientId, reason, cancellationToken);
        return OAuthResults.Json200(context, Describe((await clients.FindAsync(clientId, cancellationToken))!));
    }

    private static async Task<IResult> ReinstateAsync(
        string clientId, HttpContext context, ClientRegistry clients, ClientSuspension suspension, AuditTrail audit, StaffActions actions, CancellationToken cancellationToken)
    {
        var (reason, problem) = await AdminReason.ReadAsync(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

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
        var actor = AdminKeyFilter.Actor(context);
        await suspension.ReinstateAsync(client, cancellationToken);
        audit.Record(new AuditEvent(AuditEventTypes.ClientStatusChanged, clientId, Detail: "reinstated", Actor: actor, Reason: reason));
        await actions.RecordAsync(new StaffActor(actor), "client.reinstated", clientId, reason, cancellationToken);
        return OAuthResults.Json200(context, Describe((await clients.FindAsync(clientId, cancellationToken))!));
    }

    private static async Task<IResult> RevokeGrantAsync(
        string grantId, HttpContext context, RevocationList revocations, AuditTrail audit, StaffActions actions, CancellationToken cancellationToken)
    {
        var (reason, problem) = await AdminReason.ReadAsync(context, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var entry = await revocations.RevokeGrantAsync(grantId, cancellationToken);
        if (entry is null)
        {
            return NotFound(context, "no such live grant");
        }

        var actor = AdminKeyFilter.Actor(context);
        audit.Record(new AuditEvent(AuditEventTypes.GrantRevoked, "-", grantId, Detail: "admin", Actor: actor, Reason: reason));
        await actions.RecordAsync(new StaffActor(actor), "grant.revoked", grantId, reason, cancellationToken);
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

    internal static JsonObject Describe(ClientRecord client) => new()
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

    internal static IResult NotFound(HttpContext context, string description) =>
        OAuthResults.Error(context, OAuthError.InvalidRequest(description), StatusCodes.Status404NotFound);
}
