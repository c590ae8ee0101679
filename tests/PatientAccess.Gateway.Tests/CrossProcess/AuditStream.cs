using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>Reads the gateways' audit stream as the monitor would, through Lua (StackExchange.Redis 1.2.6 has no stream API).</summary>
internal sealed class AuditStream(string connectionString, string key) : IDisposable
{
    private readonly ConnectionMultiplexer _redis = ConnectionMultiplexer.Connect(connectionString + ",abortConnect=false");

    /// <summary>Every entry's event id (the field the gateway writes for deduplication) and event, oldest first.</summary>
    public async Task<List<(string Id, JsonObject Event)>> ReadAllAsync()
    {
        var entries = await _redis.GetDatabase().ScriptEvaluateAsync("return redis.call('XRANGE', KEYS[1], '-', '+')", [key]);
        var result = new List<(string, JsonObject)>();
        foreach (var entry in (RedisResult[])entries!)
        {
            var fields = (RedisResult[])((RedisResult[])entry!)[1]!;
            string? id = null;
            JsonObject? item = null;
            for (var i = 0; i + 1 < fields.Length; i += 2)
            {
                switch ((string?)fields[i])
                {
                    case "id":
                        id = (string?)fields[i + 1];
                        break;
                    case "event":
                        item = JsonNode.Parse((string)fields[i + 1]!)!.AsObject();
                        break;
                }
            }

            if (item is not null)
            {
                result.Add((id ?? string.Empty, item));
            }
        }

        return result;
    }

    public void Dispose() => _redis.Dispose();
}
