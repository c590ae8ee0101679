using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Admin;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Enforcement;

/// <summary>
/// <c>POST /admin/clients/{clientId}/enforcement</c> (admin key only: the monitor and security
/// staff; the gateways' feed key gets 403, anything else 401): suspend, revoke or reinstate an app
/// and run the plan's steps, each exactly once per <c>action_id</c>. The same action_id again
/// answers the recorded result with <c>replayed: true</c> and runs again only the steps that failed.
/// </summary>
internal static partial class EnforcementApi
{
    public static async Task<IResult> HandleAsync(
        string clientId,
        HttpContext context,
        IDbContextFactory<AuthDbContext> contexts,
        ClientRegistry clients,
        EnforcementRunner runner,
        AuditTrail audit,
        TimeProvider time,
        ILogger<EnforcementRunner> logger,
        CancellationToken cancellationToken)
    {
        var (request, problem) = await EnforcementRequest.ReadAsync(context.Request, cancellationToken);
        if (request is null)
        {
            return OAuthResults.Error(context, OAuthError.InvalidRequest(problem!));
        }

        var existing = await FindAsync(contexts, request.ActionId, cancellationToken);
        var replayed = existing is not null;
        if (existing is null)
        {
            var client = await clients.FindAsync(clientId, cancellationToken);
            if (client is null)
            {
                return AdminApi.NotFound(context, "no such client");
            }

            if (Conflict(request.Action, client.Status) is { } conflict)
            {
                return OAuthResults.Error(context, OAuthError.InvalidRequest(conflict), StatusCodes.Status409Conflict);
            }

            existing = await CreateAsync(contexts, request, client, AdminKeyFilter.Actor(context), time, cancellationToken);
            if (existing is null)
            {
                // Another delivery of the same action_id was recorded first: answer as its replay.
                existing = (await FindAsync(contexts, request.ActionId, cancellationToken))!;
                replayed = true;
            }
            else
            {
                audit.Record(new AuditEvent(AuditEventTypes.EnforcementAction, client.ClientId,
                    Detail: $"action={request.Action} detector={request.Detector ?? "-"} action_id={request.ActionId}", Actor: request.Actor, Reason: request.Reason));
                LogAccepted(logger, request.Action, client.ClientId, request.Actor, request.ActionId);
            }
        }

        if (existing.ClientId != clientId || existing.Action != request.Action)
        {
            return OAuthResults.Error(context, OAuthError.InvalidRequest("this action_id already names another action (a different client or action); use a new UUID"),
                StatusCodes.Status409Conflict);
        }

        await runner.RunAsync(existing, cancellationToken);
        var status = (await clients.FindAsync(clientId, cancellationToken))?.Status.ToString().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var steps = await db.EnforcementSteps.AsNoTracking().Where(s => s.ActionId == existing.ActionId).OrderBy(s => s.Position).ToListAsync(cancellationToken);
        return OAuthResults.Json200(context, new JsonObject
        {
            ["action_id"] = existing.ActionId,
            ["client_id"] = existing.ClientId,
            ["status"] = status,
            ["replayed"] = replayed,
            ["steps"] = new JsonArray([.. steps.Select(s => (JsonNode)Step(s))]),
        });
    }

    /// <summary>Why the action cannot start from this status (409), or null.</summary>
    internal static string? Conflict(string action, ClientStatus status) => (action, status) switch
    {
        (EnforcementSteps.Reinstate, not ClientStatus.Suspended) => "only a suspended client can be reinstated",
        (_, ClientStatus.Revoked) => "the client is revoked for good",
        (EnforcementSteps.Suspend, ClientStatus.Suspended) => "the client is already suspended",
        _ => null,
    };

    private static JsonObject Step(EnforcementStepRecord step)
    {
        var json = new JsonObject
        {
            ["name"] = step.Name,
            ["state"] = step.State,
            ["at"] = step.At is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at).ToString("O", CultureInfo.InvariantCulture) : null,
            ["count"] = step.Count,
        };
        if (step.Skipped is { } skipped)
        {
            json["skipped"] = skipped;
        }

        return json;
    }

    private static async Task<EnforcementActionRecord?> FindAsync(IDbContextFactory<AuthDbContext> contexts, string actionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.EnforcementActions.AsNoTracking().FirstOrDefaultAsync(a => a.ActionId == actionId, cancellationToken);
    }

    /// <summary>The action and its pending steps in one transaction; null when the action_id was taken meanwhile.</summary>
    private static async Task<EnforcementActionRecord?> CreateAsync(
        IDbContextFactory<AuthDbContext> contexts, EnforcementRequest request, ClientRecord client, string calledBy, TimeProvider time, CancellationToken cancellationToken)
    {
        var action = new EnforcementActionRecord
        {
            ActionId = request.ActionId,
            ClientId = client.ClientId,
            Action = request.Action,
            Actor = request.Actor,
            CalledBy = calledBy,
            Reason = request.Reason,
            Detector = request.Detector,
            Evidence = request.Evidence,
            PreviousStatus = client.Status.ToString(),
            CreatedAt = time.GetUtcNow().ToUnixTimeSeconds(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.EnforcementActions.Add(action);
        var position = 0;
        foreach (var name in EnforcementSteps.For(request.Action))
        {
            db.EnforcementSteps.Add(new EnforcementStepRecord { ActionId = action.ActionId, Name = name, Position = position++, State = EnforcementSteps.Pending });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return action;
        }
        catch (DbUpdateException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enforcement {Action} of {ClientId} accepted from {Actor}, action {ActionId}")]
    private static partial void LogAccepted(ILogger logger, string action, string clientId, string actor, string actionId);
}
