using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Tests.Unit.Tokens;

public sealed class JwksCacheTests
{
    [Fact]
    public async Task FindAsync_ConcurrentFirstRequestsDuringSlowFetch_AllGetTheKeyFromOneFetch()
    {
        using var tokens = new TestTokens();
        var handler = new SlowJwks(tokens.Jwks(), TimeSpan.FromMilliseconds(300));
        using var cache = new JwksCache(new SingleClientFactory(handler), Options.Create(new TokenOptions { JwksUrl = "http://jwks.test/keys" }),
            TimeProvider.System, NullLogger<JwksCache>.Instance);

        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.FindAsync(TestTokens.Kid, CancellationToken.None).AsTask()));

        Assert.All(keys, Assert.NotNull);
        Assert.Equal(1, handler.Calls);
    }

    private sealed class SlowJwks(string body, TimeSpan delay) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(delay, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) };
        }
    }

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
