using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PatientAccess.Testing;

namespace PatientAccess.Monitor.Tests.Support;

/// <summary>
/// An RSA signing key standing in for the authserver's, its JWKS served on a port of its own for
/// real gateway processes, and access tokens signed with it (or, forged, with another key).
/// </summary>
internal sealed class TokenIssuer : IAsyncDisposable
{
    public const string Issuer = "https://auth.test";
    public const string Audience = "http://localhost:5000/r4";
    private const string Kid = "monitor-test-key";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _other = RSA.Create(2048);
    private readonly WebApplication _app;

    private TokenIssuer()
    {
        Port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.ListenLocalhost(Port));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/jwks.json", () => Results.Text(Jwks(), "application/json"));
    }

    public int Port { get; }

    public string JwksUrl => $"http://localhost:{Port}/.well-known/jwks.json";

    public static async Task<TokenIssuer> StartAsync()
    {
        var issuer = new TokenIssuer();
        await issuer._app.StartAsync();
        return issuer;
    }

    public string Create(string clientId, string patient, string? jti = null) => Sign(_rsa, clientId, patient, jti ?? Guid.NewGuid().ToString("N"));

    /// <summary>A token naming <paramref name="clientId"/>, signed by a key that is not the authserver's but claiming its kid.</summary>
    public string Forged(string clientId, string patient) => Sign(_other, clientId, patient, Guid.NewGuid().ToString("N"));

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
        _other.Dispose();
    }

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

    private static string Sign(RSA rsa, string clientId, string patient, string jti)
    {
        var now = DateTimeOffset.UtcNow;
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["iss"] = Issuer,
                ["aud"] = Audience,
                ["sub"] = "member-" + patient,
                ["client_id"] = clientId,
                ["scope"] = "patient/*.read",
                ["patient"] = patient,
                ["jti"] = jti,
                ["iat"] = now.AddSeconds(-5).ToUnixTimeSeconds(),
                ["nbf"] = now.AddSeconds(-5).ToUnixTimeSeconds(),
                ["exp"] = now.AddMinutes(30).ToUnixTimeSeconds(),
            },
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = Kid }, SecurityAlgorithms.RsaSha256),
        });
    }
}
