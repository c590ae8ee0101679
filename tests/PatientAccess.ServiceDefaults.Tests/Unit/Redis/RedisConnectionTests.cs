using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Redis;
using PatientAccess.Testing;

namespace PatientAccess.ServiceDefaults.Tests.Unit.Redis;

/// <summary>
/// <see cref="RedisConnection.CreatedMultiplexer"/> is what request paths ask: it must answer at
/// once, never throw, and never wait for the (synchronous) connect. A real Redis behind it is
/// covered by the gateway's SharedRateLimiterTests.
/// </summary>
public sealed class RedisConnectionTests
{
    [Fact]
    public async Task CreatedMultiplexer_NothingListening_NullAtOnceThenAMultiplexerNotConnected()
    {
        using var connection = Connection($"127.0.0.1:{FreePort.Next()}");

        Assert.Null(connection.CreatedMultiplexer);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(connection.CreatedMultiplexer is { IsConnected: false }), TimeSpan.FromSeconds(30)),
            "the multiplexer was never created");
    }

    [Fact]
    public void CreatedMultiplexer_UnparsableConnectionString_StaysNullWhileMultiplexerReportsTheError()
    {
        using var connection = Connection("127.0.0.1:6379,nosuchoption=1");

        Assert.Null(connection.CreatedMultiplexer);
        var error = Assert.ThrowsAny<ArgumentException>(() => connection.Multiplexer);
        Assert.Contains("nosuchoption", error.Message, StringComparison.Ordinal);
        Assert.Null(connection.CreatedMultiplexer);
    }

    private static RedisConnection Connection(string connectionString) =>
        new(Options.Create(new RedisOptions { ConnectionString = connectionString, TimeoutMilliseconds = 500 }), NullLogger<RedisConnection>.Instance);
}
