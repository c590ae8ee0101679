using StackExchange.Redis;

namespace PatientAccess.Gateway.Tests.Support;

/// <summary>Reads the request ids of the audit stream in stream order.</summary>
internal sealed class GatewayFixtureReader(IDatabase database, string stream)
{
    public async Task<List<string>> RequestIdsAsync()
    {
        var ids = new List<string>();
        foreach (var entry in await database.StreamRangeAsync(stream))
        {
            if (entry["event"] is { IsNull: false } line)
            {
                var json = System.Text.Json.Nodes.JsonNode.Parse((string)line!)!;
                ids.Add((string)json["request_id"]!);
            }
        }

        return ids;
    }
}
