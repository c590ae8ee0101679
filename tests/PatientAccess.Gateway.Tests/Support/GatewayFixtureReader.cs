using StackExchange.Redis;

namespace PatientAccess.Gateway.Tests.Support;

/// <summary>Reads the request ids of the audit stream in stream order.</summary>
internal sealed class GatewayFixtureReader(IDatabase database, string stream)
{
    public async Task<List<string>> RequestIdsAsync()
    {
        var entries = await database.ScriptEvaluateAsync("return redis.call('XRANGE', KEYS[1], '-', '+')", [stream]);
        var ids = new List<string>();
        foreach (var entry in (RedisResult[])entries!)
        {
            var fields = (RedisResult[])((RedisResult[])entry!)[1]!;
            for (var i = 0; i < fields.Length; i += 2)
            {
                if ((string?)fields[i] == "event")
                {
                    var json = System.Text.Json.Nodes.JsonNode.Parse((string)fields[i + 1]!)!;
                    ids.Add((string)json["request_id"]!);
                }
            }
        }

        return ids;
    }
}
