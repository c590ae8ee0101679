using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Keys;
using PatientAccess.AuthServer.Revocation;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Tokens;

/// <summary>
/// Checks an access token the way introspection and userinfo must: our signature (RS256 only),
/// typ at+jwt, our issuer, the FHIR audience, the lifetime, then the live state the JWT alone
/// cannot show: the revocation list, the grant, and the client's status.
/// </summary>
internal sealed class AccessTokenValidator(
    SigningKeyRing keys,
    RevocationList revocations,
    IDbContextFactory<AuthDbContext> contexts,
    IOptions<AuthServerOptions> server,
    TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<ValidatedAccessToken?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > 8192 || !_handler.CanReadToken(token))
        {
            return null;
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (!string.Equals(jwt.Typ, TokenClaims.AccessTokenType, StringComparison.Ordinal) || jwt.Kid is null
            || await keys.FindAsync(jwt.Kid, cancellationToken) is not { } key)
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = server.Value.IssuerBase,
            ValidAudience = server.Value.FhirBaseUrl,
            IssuerSigningKey = key.SecurityKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidTypes = [TokenClaims.AccessTokenType],
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is not null && time.GetUtcNow().UtcDateTime < expires.Value && (notBefore is null || notBefore.Value <= time.GetUtcNow().UtcDateTime.AddSeconds(5)),
        });
        if (!result.IsValid)
        {
            return null;
        }

        var claims = (JsonWebToken)result.SecurityToken;
        var parsed = Read(claims);
        if (parsed is null || await revocations.IsRevokedAsync(parsed.Jti, parsed.GrantId, parsed.ClientId, parsed.IssuedAt, cancellationToken))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grantLive = await db.Grants.AnyAsync(g => g.GrantId == parsed.GrantId && g.RevokedAt == null, cancellationToken);
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == parsed.ClientId, cancellationToken);
        return grantLive && client is { IsActive: true } ? parsed : null;
    }

    private static ValidatedAccessToken? Read(JsonWebToken jwt)
    {
        if (!jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Jti, out var jti)
            || !jwt.TryGetPayloadValue<string>(TokenClaims.ClientId, out var clientId)
            || !jwt.TryGetPayloadValue<string>(TokenClaims.GrantId, out var grantId)
            || !jwt.TryGetPayloadValue<string>(TokenClaims.Scope, out var scope)
            || !jwt.TryGetPayloadValue<string>(TokenClaims.Patient, out var patient)
            || !jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var issuedAt)
            || !jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var expiresAt))
        {
            return null;
        }

        jwt.TryGetPayloadValue<string>(TokenClaims.FhirUser, out var fhirUser);
        jwt.TryGetPayloadValue<string[]>(TokenClaims.SensitiveCategories, out var categories);
        return new ValidatedAccessToken(jti, jwt.Subject, clientId, grantId, scope, patient, fhirUser,
            jwt.Audiences.FirstOrDefault() ?? string.Empty, issuedAt, expiresAt, categories ?? []);
    }
}
