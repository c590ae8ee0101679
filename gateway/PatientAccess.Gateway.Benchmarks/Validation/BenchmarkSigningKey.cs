using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Benchmarks.Validation;

/// <summary>
/// Stands in for the authserver: an RSA 2048 key (the authserver's size), access tokens shaped
/// like its tokens, and its JWKS served in-process so the validator's key fetch costs no socket.
/// </summary>
internal sealed class BenchmarkSigningKey : IDisposable
{
    public const string Issuer = "https://auth.benchmark";
    public const string Audience = "http://localhost:5000/r4";
    private const string Kid = "benchmark-key-1";
    private static readonly string[] Categories = ["MH"];

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly SigningCredentials _credentials;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public BenchmarkSigningKey()
    {
        _credentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = Kid }, SecurityAlgorithms.RsaSha256);
    }

    public static IOptions<TokenOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(
        new TokenOptions { Issuer = Issuer, Audience = Audience, JwksUrl = "http://jwks.benchmark/.well-known/jwks.json" });

    /// <summary>A JWKS cache that has already read this key, as it has in a running gateway.</summary>
    public JwksCache LoadedJwksCache()
    {
        var cache = new JwksCache(new InProcessJwks(Jwks()), Options, TimeProvider.System, NullLogger<JwksCache>.Instance);
        if (cache.FindAsync(Kid, CancellationToken.None).AsTask().GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException("the JWKS cache did not read the benchmark key");
        }

        return cache;
    }

    /// <summary>An access token with the claims the authserver puts in one; valid for an hour so a long run never sees it expire.</summary>
    public string CreateToken()
    {
        var now = DateTimeOffset.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            SigningCredentials = _credentials,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["iss"] = Issuer,
                ["aud"] = Audience,
                ["sub"] = "member-benchmark",
                ["client_id"] = "app-benchmark",
                ["scope"] = "launch/patient openid fhirUser patient/*.read",
                ["patient"] = "demo-john-allen",
                ["jti"] = Guid.NewGuid().ToString("N"),
                ["grant_id"] = "grant-benchmark",
                ["iat"] = now.ToUnixTimeSeconds(),
                ["nbf"] = now.ToUnixTimeSeconds(),
                ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
                ["sensitive_categories"] = Categories,
            },
        });
    }

    public void Dispose() => _rsa.Dispose();

    private string Jwks()
    {
        var p = _rsa.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = Kid,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            }),
        }.ToJsonString();
    }

    private sealed class InProcessJwks(string body) : HttpMessageHandler, IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
    }
}
