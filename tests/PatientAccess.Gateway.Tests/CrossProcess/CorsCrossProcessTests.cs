using System.Net;
using System.Net.Http.Headers;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>Issue 12, item 17, on a real Kestrel: preflights answered, HEAD with GET's headers and no body on the wire.</summary>
[Collection(CrossProcessGroup.Name)]
public sealed class CorsCrossProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BrowserApp_PreflightThenHead_AnsweredAsTheSpecsSay()
    {
        using var tokens = new TestTokens();
        await using var redis = await RedisServer.StartAsync();
        await using var backend = await FakeBackend.StartAsync(tokens);
        await using var replicas = await GatewayReplicas.StartAsync(1, redis.ConnectionString, backend, backend.Url, FakeBackend.FeedKey);
        var gateway = replicas.Clients[0];

        using (var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/r4/Observation/_search", UriKind.Relative)))
        {
            preflight.Headers.TryAddWithoutValidation("Origin", "https://app.example");
            preflight.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "POST");
            preflight.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "authorization");
            using var answer = await gateway.SendAsync(preflight, Ct);
            Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
            Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.Equal("GET, HEAD, POST", answer.Headers.GetValues("Access-Control-Allow-Methods").Single());
        }

        var token = tokens.Create();
        foreach (var path in new[] { "/r4/Binary/declared", "/r4/metadata", "/r4/.well-known/smart-configuration", "/r4/Patient/" + TestTokens.PatientId })
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var got = await gateway.SendAsync(get, Ct);
            var body = await got.Content.ReadAsByteArrayAsync(Ct);
            using var head = new HttpRequestMessage(HttpMethod.Head, new Uri(path, UriKind.Relative));
            head.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            head.Headers.TryAddWithoutValidation("Origin", "https://app.example");
            using var headed = await gateway.SendAsync(head, Ct);

            Assert.True(headed.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {(int)headed.StatusCode}\n{replicas.Output()}");
            Assert.Empty(await headed.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(got.Content.Headers.ContentType, headed.Content.Headers.ContentType);
            Assert.Equal(got.Content.Headers.ContentLength ?? body.Length, headed.Content.Headers.ContentLength ?? body.Length);
            Assert.Equal("*", headed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }

        // The connection is still usable after the HEAD answers: no stray body bytes were sent.
        using var after = await gateway.GetAsync(new Uri("/r4/metadata", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
