using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>Reads the gateways' audit stream as the monitor would (XRANGE).</summary>
internal sealed class AuditStream(string connectionString, string key) : IDisposable
{
    private readonly ConnectionMultiplexer _redis = ConnectionMultiplexer.Connect(connectionString + ",abortConnect=false");

    /// <summary>Every entry's event id (the field the gateway writes for deduplication) and event, oldest first.</summary>
    public async Task<List<(string Id, JsonObject Event)>> ReadAllAsync()
    {
        var result = new List<(string, JsonObject)>();
        foreach (var entry in await _redis.GetDatabase().StreamRangeAsync(key))
        {
            if (entry["event"] is { IsNull: false } line)
            {
                result.Add(((string?)entry["id"] ?? string.Empty, JsonNode.Parse((string)line!)!.AsObject()));
            }
        }

        return result;
    }

    public void Dispose() => _redis.Dispose();
}
