using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Tests.Integration;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.AuthServer.Tests.CrossProcess.Clients;

/// <summary>
/// Issue 12 item 2 against the real server process and a real Redis, behind a trusted proxy
/// (loopback) that reports each caller's address in X-Forwarded-For: an outsider's wrong
/// secrets never lock the app out, from another address or from the outsider's own.
/// </summary>
public sealed class ClientAuthenticationAbuseTests : IAsyncLifetime
{
    private const string Outsider = "203.0.113.7";
    private const string RealApp = "198.51.100.9";
    private readonly string _data = Directory.CreateTempSubdirectory("pa-auth-abuse-").FullName;
    private RedisServer _redis = null!;
    private ServiceProcess _server = null!;
    private HttpClient _http = null!;
    private string _clientId = null!;
    private string _secret = null!;
    private string _publicId = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _server = ServiceProcess.Start(ServiceName.AuthServer, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = _data,
            ["Redis__ConnectionString"] = _redis.ConnectionString,
            ["ClientAddress__TrustedProxies__0"] = "127.0.0.1",
            ["ClientAuthentication__MaxFailuresPerMinute"] = "3",
        });
        Assert.True(await _server.WaitReadyAsync(TimeSpan.FromSeconds(60)), _server.Output);
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        var demo = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_data, "demo-clients.json")))!.AsArray();
        _clientId = (string)demo[0]!["client_id"]!;
        _secret = (string)demo[0]!["client_secret"]!;
        _publicId = (string)demo[1]!["client_id"]!;
    }

    [Fact]
    public async Task Token_OutsiderSendsWrongSecrets_RealAppStillGetsThroughFromAnyAddress()
    {
        // The outsider knows only the public client_id: 3 failures are answered 401, then 429.
        for (var i = 0; i < 3; i++)
        {
            using var refused = await SendAsync("/oauth2/token", Outsider, _clientId, "not-the-secret");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("invalid_client", (string)(await SmartApp.JsonAsync(refused))["error"]!);
        }

        for (var i = 0; i < 5; i++)
        {
            using var throttled = await SendAsync("/oauth2/token", Outsider, _clientId, "still-not-the-secret");
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
            Assert.InRange(int.Parse(throttled.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
            Assert.Equal("invalid_client", (string)(await SmartApp.JsonAsync(throttled))["error"]!);
        }

        // The real app, from its own address and from the outsider's, with the right secret: every
        // endpoint authenticates it (invalid_grant and active:false are answers past authentication).
        foreach (var address in new[] { RealApp, Outsider })
        {
            using var token = await SendAsync("/oauth2/token", address, _clientId, _secret);
            Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
            Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(token))["error"]!);
            using var introspect = await SendAsync("/oauth2/introspect", address, _clientId, _secret);
            Assert.Equal(HttpStatusCode.OK, introspect.StatusCode);
            Assert.False((bool)(await SmartApp.JsonAsync(introspect))["active"]!);
            using var revoke = await SendAsync("/oauth2/revoke", address, _clientId, _secret);
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        // The real app's own mistake from its own address is an ordinary 401: the outsider spent only its own budget.
        using var ownMistake = await SendAsync("/oauth2/token", RealApp, _clientId, "typo");
        Assert.Equal(HttpStatusCode.Unauthorized, ownMistake.StatusCode);
    }

    [Fact]
    public async Task Token_PublicClient_CannotBeThrottled()
    {
        for (var i = 0; i < 8; i++)
        {
            using var withSecret = await SendAsync("/oauth2/token", Outsider, _publicId, "anything", basic: false);
            Assert.Equal(HttpStatusCode.Unauthorized, withSecret.StatusCode);
        }

        using var real = await SendAsync("/oauth2/token", Outsider, _publicId, secret: null, basic: false);
        Assert.Equal(HttpStatusCode.BadRequest, real.StatusCode);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(real))["error"]!);
    }

    [Fact]
    public async Task Token_FailuresOverBudget_AuditedOnceNotOneByOne()
    {
        const string Address = "192.0.2.44";
        // The budget is counted in fixed clock minutes: start early in one, so a slow machine does
        // not split the ten failures over two minutes (two budgets, more events than one).
        var intoMinute = DateTimeOffset.UtcNow.Second;
        if (intoMinute > 30)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - intoMinute), TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < 10; i++)
        {
            using var _ = await SendAsync("/oauth2/token", Address, _clientId, "wrong");
        }

        // One failure from a fresh address last: once its event is on the stream, everything before it is too.
        using var marker = await SendAsync("/oauth2/token", "192.0.2.45", _clientId, "wrong");
        using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var db = redis.GetDatabase();
        List<string> types = [];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var entries = await db.StreamRangeAsync(AuditTrail.StreamKey);
            types = [.. entries.Select(e => (string)e["type"]!)];
            return types.Count(t => t == AuditEventTypes.ClientAuthenticationFailed) >= 4;
        }, TimeSpan.FromSeconds(20)));
        Assert.Equal(4, types.Count(t => t == AuditEventTypes.ClientAuthenticationFailed));
        Assert.Equal(1, types.Count(t => t == AuditEventTypes.ClientAuthenticationThrottled));
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string address, string clientId, string? secret, bool basic = true)
    {
        var form = new Dictionary<string, string> { ["token"] = "x", ["grant_type"] = "refresh_token", ["refresh_token"] = "x" };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", address);
        if (basic)
        {
            request.Headers.Authorization = SmartApp.Basic(clientId, secret!);
        }
        else
        {
            form["client_id"] = clientId;
            if (secret is not null)
            {
                form["client_secret"] = secret;
            }
        }

        request.Content = new FormUrlEncodedContent(form);
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await _server.DisposeAsync();
        await _redis.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
