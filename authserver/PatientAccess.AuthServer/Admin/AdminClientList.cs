using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Admin;

/// <summary>
/// <c>GET /admin/clients[?status=&amp;after=&amp;limit=]</c> (admin key): registered apps with status,
/// type, created and last-used times (last token issued or refreshed; null: never), ordered by
/// client_id. <c>after</c> is the last client_id of the previous page; <c>next</c> in the answer
/// is what to send for the following page, null on the last one.
/// </summary>
internal static class AdminClientList
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static async Task<IResult> ListAsync(HttpContext context, IDbContextFactory<AuthDbContext> contexts, CancellationToken cancellationToken)
    {
        var query = OAuthParameters.From(context.Request.Query);
        if (query.FirstProblem() is { } problem)
        {
            return OAuthResults.Error(context, OAuthError.InvalidRequest(problem));
        }

        var limit = DefaultLimit;
        if (query["limit"] is { } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return OAuthResults.Error(context, OAuthError.InvalidRequest($"limit must be a whole number from 1 to {MaxLimit}"));
        }

        ClientStatus? status = null;
        if (query["status"] is { } statusText)
        {
            if (!Enum.TryParse<ClientStatus>(statusText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || statusText.Any(char.IsDigit))
            {
                return OAuthResults.Error(context, OAuthError.InvalidRequest("status must be sandbox, production, suspended or revoked"));
            }

            status = parsed;
        }

        var after = query["after"];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clients = db.Clients.AsNoTracking();
        if (status is { } wanted)
        {
            clients = clients.Where(c => c.Status == wanted);
        }

        if (after is not null)
        {
            // Translated to SQL: the database's own ordering, the same one ORDER BY uses below.
#pragma warning disable CA1309, CA1310 // No StringComparison overload is translated to SQL.
            clients = clients.Where(c => string.Compare(c.ClientId, after) > 0);
#pragma warning restore CA1309, CA1310
        }

        var rows = await (from client in clients
                          join usage in db.ClientUsage.AsNoTracking() on client.ClientId equals usage.ClientId into usages
                          from usage in usages.DefaultIfEmpty()
                          orderby client.ClientId
                          select new { client.ClientId, client.Name, client.Status, client.Type, client.CreatedAt, client.StatusChangedAt, LastUsedAt = (long?)usage.LastUsedAt })
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        var page = rows.Take(limit).ToList();
        return OAuthResults.Json200(context, new JsonObject
        {
            ["clients"] = new JsonArray([.. page.Select(r => (JsonNode)new JsonObject
            {
                ["client_id"] = r.ClientId,
                ["name"] = r.Name,
                ["status"] = r.Status.ToString().ToLowerInvariant(),
                ["type"] = r.Type.ToString().ToLowerInvariant(),
                ["created_at"] = Time(r.CreatedAt),
                ["status_changed_at"] = Time(r.StatusChangedAt),
                ["last_used_at"] = r.LastUsedAt is { } used ? Time(used) : null,
            })]),
            ["next"] = rows.Count > limit ? page[^1].ClientId : null,
        });
    }

    private static string Time(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("O", CultureInfo.InvariantCulture);
}
