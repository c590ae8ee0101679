using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Tests.Support;

/// <summary>One redis-server, one fake backend and one token key for a test class; gateways are made per test as needed.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private ConnectionMultiplexer? _redisClient;

    internal RedisServer Redis { get; private set; } = null!;

    internal FakeBackend Backend { get; private set; } = null!;

    internal TestTokens Tokens { get; } = new();

    internal GatewayFactory Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Backend = await FakeBackend.StartAsync(Tokens);
        Gateway = NewGateway();
    }

    internal GatewayFactory NewGateway(IDictionary<string, string?>? settings = null) => new(Redis.ConnectionString, Backend, settings);

    internal IDatabase RedisDatabase => (_redisClient ??= ConnectionMultiplexer.Connect(Redis.ConnectionString + ",abortConnect=false")).GetDatabase();

    internal static HttpRequestMessage Get(string path, string? token = null, string? peer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (peer is not null)
        {
            request.Headers.TryAddWithoutValidation(GatewayFactory.PeerHeader, peer);
        }

        return request;
    }

    /// <summary>The audit events written so far to <paramref name="factory"/>'s stream, oldest first.</summary>
    internal async Task<List<JsonObject>> AuditEventsAsync(GatewayFactory factory)
    {
        var result = new List<JsonObject>();
        foreach (var entry in await RedisDatabase.StreamRangeAsync(factory.StreamKey))
        {
            if (entry["event"] is { IsNull: false } line)
            {
                result.Add(JsonNode.Parse((string)line!)!.AsObject());
            }
        }

        return result;
    }

    /// <summary>Waits for an audit event with this request id (events are written in the background).</summary>
    internal async Task<JsonObject?> AuditEventAsync(GatewayFactory factory, string requestId)
    {
        JsonObject? found = null;
        await Eventually.TrueAsync(async () =>
        {
            found = (await AuditEventsAsync(factory)).LastOrDefault(e => (string?)e["request_id"] == requestId);
            return found is not null;
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50));
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        _redisClient?.Dispose();
        await Backend.DisposeAsync();
        await Redis.DisposeAsync();
        Tokens.Dispose();
    }
}
