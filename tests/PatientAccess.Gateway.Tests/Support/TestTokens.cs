using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PatientAccess.Gateway.Tests.Support;

/// <summary>An RSA signing key standing in for the authserver's, and tokens signed with it (good and malicious).</summary>
internal sealed class TestTokens : IDisposable
{
    public const string Issuer = "https://auth.test";
    public const string Audience = "http://localhost:5000/r4";
    public const string Kid = "test-key-1";
    public const string ClientId = "app-1";
    public const string PatientId = "pat-1";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;

    public TestTokens()
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = Kid };
    }

    public string Jwks()
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

    public static Dictionary<string, object> Claims(string? clientId = null, string? patient = null, string scope = "patient/*.read",
        string? jti = null, string? grant = null, DateTimeOffset? issuedAt = null)
    {
        var now = issuedAt ?? DateTimeOffset.UtcNow;
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = "member-1",
            ["client_id"] = clientId ?? ClientId,
            ["scope"] = scope,
            ["patient"] = patient ?? PatientId,
            ["jti"] = jti ?? Guid.NewGuid().ToString("N"),
            ["grant_id"] = grant ?? "grant-1",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
            ["sensitive_categories"] = new[] { "MH" },
        };
    }

    public string Create(Dictionary<string, object>? claims = null, string type = "at+jwt", string kid = Kid)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var key = kid == Kid ? _key : new RsaSecurityKey(_rsa) { KeyId = kid };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims ?? Claims(),
            TokenType = type,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A token signed by a different RSA key that claims our kid.</summary>
    public static string ForgedWithOtherKey(Dictionary<string, object> claims)
    {
        using var other = RSA.Create(2048);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(other) { KeyId = Kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The classic confusion attack: HS256 with the RSA public key (as published) as the HMAC secret.</summary>
    public string Hs256WithPublicKey(Dictionary<string, object> claims)
    {
        var header = Segment(new { alg = "HS256", typ = "at+jwt", kid = Kid });
        var payload = Segment(claims);
        var secret = Encoding.ASCII.GetBytes(_rsa.ExportSubjectPublicKeyInfoPem());
        var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(header + "." + payload));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(mac)}";
    }

    public static string AlgNone(Dictionary<string, object> claims) =>
        $"{Segment(new { alg = "none", typ = "at+jwt", kid = Kid })}.{Segment(claims)}.";

    /// <summary>A valid token whose payload was changed after signing.</summary>
    public string Tampered()
    {
        var parts = Create().Split('.');
        var claims = Claims(patient: "someone-else");
        return $"{parts[0]}.{Segment(claims)}.{parts[2]}";
    }

    private static string Segment(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));

    public void Dispose() => _rsa.Dispose();
}
