using System.Globalization;
using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Tests.Support;

/// <summary>Audit stream entries as the gateway and the authserver write them (README, "The audit stream").</summary>
internal static class StreamEvents
{
    public static JsonObject Gateway(
        string? id = null, string method = "GET", string route = "/r4/{type}", string? resourceType = "Coverage", string queryShape = "",
        int status = 200, string decision = "allow", string? reason = null, string? clientId = "app-1", string? member = "member-1",
        string? patient = "pat-1", string? tokenId = "jti-1", string address = "8.8.8.8", string? country = "US", DateTimeOffset? time = null)
    {
        return new JsonObject
        {
            ["id"] = id ?? Guid.CreateVersion7().ToString("N"),
            ["time"] = (time ?? DateTimeOffset.UtcNow).ToString("O", CultureInfo.InvariantCulture),
            ["request_id"] = "req-" + Guid.NewGuid().ToString("N")[..8],
            ["client_id"] = clientId,
            ["member"] = member,
            ["patient"] = patient,
            ["method"] = method,
            ["route"] = route,
            ["resource_type"] = resourceType,
            ["query_shape"] = queryShape,
            ["status"] = status,
            ["bytes"] = 120,
            ["duration_ms"] = 1.25,
            ["client_address"] = address,
            ["country"] = country,
            ["decision"] = decision,
            ["reason"] = reason,
            ["token_id"] = tokenId,
            ["replica"] = "gateway@test:5000",
        };
    }

    public static NameValueEntry[] Entry(JsonObject gatewayEvent) =>
        [new("id", (string)gatewayEvent["id"]!), new("event", gatewayEvent.ToJsonString())];

    public static NameValueEntry[] AuthServer(string type, string clientId = "app-1", string? grant = "grant-1", string? member = "acct-1", string? detail = null, DateTimeOffset? time = null)
    {
        var fields = new List<NameValueEntry>
        {
            new("type", type),
            new("time", (time ?? DateTimeOffset.UtcNow).ToString("O", CultureInfo.InvariantCulture)),
            new("service", "authserver"),
            new("client_id", clientId),
        };
        if (grant is not null)
        {
            fields.Add(new("grant_id", grant));
        }

        if (member is not null)
        {
            fields.Add(new("member", member));
        }

        if (detail is not null)
        {
            fields.Add(new("detail", detail));
        }

        return [.. fields];
    }

    public static async Task<List<string>> AppendAsync(IDatabase redis, string stream, IEnumerable<NameValueEntry[]> entries)
    {
        var ids = new List<string>();
        foreach (var entry in entries)
        {
            ids.Add((await redis.StreamAddAsync(stream, entry)).ToString());
        }

        return ids;
    }
}
