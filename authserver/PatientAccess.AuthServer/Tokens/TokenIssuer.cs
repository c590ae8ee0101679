using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Keys;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Scopes;

namespace PatientAccess.AuthServer.Tokens;

/// <summary>
/// Signs access tokens as RFC 9068 JWTs (typ at+jwt, RS256) for the FHIR base as audience,
/// and ID tokens as OpenID Connect Core §2 asks (audience the client, nonce echoed).
/// </summary>
internal sealed class TokenIssuer(SigningKeyRing keys, IOptions<AuthServerOptions> server, IOptions<TokenOptions> tokens, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<IssuedTokens> IssueAsync(GrantRecord grant, string scope, string? nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(scope);
        var key = await keys.GetSigningKeyAsync(cancellationToken);
        var now = time.GetUtcNow();
        var lifetime = tokens.Value.AccessTokenLifetime;
        var jti = Secrets.NewId();
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Sub] = grant.MemberAccountId,
            [TokenClaims.ClientId] = grant.ClientId,
            [TokenClaims.Scope] = scope,
            [TokenClaims.Patient] = grant.PatientId,
            [JwtRegisteredClaimNames.Jti] = jti,
            [TokenClaims.GrantId] = grant.GrantId,
            [TokenClaims.SensitiveCategories] = grant.SensitiveCategories.ToArray(),
        };
        if (ScopePolicy.Contains(scope, ScopeNames.FhirUser))
        {
            claims[TokenClaims.FhirUser] = FhirUserUrl(grant.FhirUser);
        }

        var accessToken = _handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = TokenClaims.AccessTokenType,
            Issuer = server.Value.IssuerBase,
            Audience = server.Value.FhirBaseUrl,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = key.Credentials,
        });

        string? idToken = null;
        if (ScopePolicy.Contains(scope, ScopeNames.OpenId))
        {
            idToken = CreateIdToken(grant, scope, nonce, key, now);
        }

        return new IssuedTokens(accessToken, jti, (long)lifetime.TotalSeconds, scope, idToken);
    }

    /// <summary>SMART 2.2: fhirUser is an absolute URL of the user's FHIR resource.</summary>
    public string FhirUserUrl(string reference) =>
        Uri.TryCreate(reference, UriKind.Absolute, out _) ? reference : server.Value.FhirBaseUrl.TrimEnd('/') + "/" + reference;

    private string CreateIdToken(GrantRecord grant, string scope, string? nonce, SigningKey key, DateTimeOffset now)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Sub] = grant.MemberAccountId,
            [JwtRegisteredClaimNames.Azp] = grant.ClientId,
            [JwtRegisteredClaimNames.AuthTime] = grant.CreatedAt,
        };
        if (nonce is not null)
        {
            claims[JwtRegisteredClaimNames.Nonce] = nonce;
        }

        if (ScopePolicy.Contains(scope, ScopeNames.FhirUser))
        {
            claims[TokenClaims.FhirUser] = FhirUserUrl(grant.FhirUser);
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "JWT",
            Issuer = server.Value.IssuerBase,
            Audience = grant.ClientId,
            IssuedAt = now.UtcDateTime,
            Expires = (now + tokens.Value.IdTokenLifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = key.Credentials,
        });
    }
}
