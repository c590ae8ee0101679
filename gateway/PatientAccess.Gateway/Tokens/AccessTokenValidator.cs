using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PatientAccess.Gateway.Tokens;

/// <summary>
/// Verifies RFC 9068 access tokens from the authserver: RS256 only, <c>typ</c> <c>at+jwt</c> (so an
/// ID token, <c>typ</c> JWT, never passes), the configured issuer and audience, <c>exp</c>/<c>nbf</c>
/// within the allowed skew, and the claims the later steps rely on. A token that passed is
/// remembered by its exact text until it expires, so a repeated token costs a dictionary read;
/// revocation is checked on every request, outside this cache.
/// </summary>
public sealed class AccessTokenValidator
{
    private const int MaxTokenLength = 8 * 1024;
    private const int MaxCachedTokens = 100_000;
    private static readonly string[] AccessTokenTypes = ["at+jwt", "application/at+jwt"];

    private readonly JwksCache _keys;
    private readonly TimeProvider _time;
    private readonly TokenValidationParameters _parameters;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    // The answer itself is kept, so a repeated token allocates nothing.
    private readonly ConcurrentDictionary<string, TokenCheck> _verified = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenCheck>.AlternateLookup<ReadOnlySpan<char>> _known;

    public AccessTokenValidator(JwksCache keys, IOptions<TokenOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = keys;
        _time = time;
        _known = _verified.GetAlternateLookup<ReadOnlySpan<char>>();
        var settings = options.Value;
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidTypes = AccessTokenTypes,
            ClockSkew = TimeSpan.FromSeconds(settings.ClockSkewSeconds),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            TryAllIssuerSigningKeys = false,
            LifetimeValidator = null,
        };
    }

    /// <summary>
    /// The remembered answer for a token validated before and not yet expired, looked up by its
    /// characters; null when <see cref="ValidateAsync"/> has to decide (unknown, or expired now).
    /// </summary>
    public TokenCheck? TryGetKnown(ReadOnlySpan<char> raw) =>
        _known.TryGetValue(raw, out var known) && IsLive(known, _time.GetUtcNow()) ? known : null;

    /// <summary>A remembered answer holds until its token expires, give or take the allowed clock skew.</summary>
    private bool IsLive(TokenCheck known, DateTimeOffset now) => known.Token!.ExpiresAt + _parameters.ClockSkew > now;

    /// <summary>
    /// Validates <paramref name="raw"/>. With <paramref name="remember"/> false a valid token is not
    /// added to the cache: the audit's attribution of refusals checks tokens the chain never
    /// reached, and a token remembered there would change how the address step charges its next
    /// requests (to the token instead of the address).
    /// </summary>
    public async ValueTask<TokenCheck> ValidateAsync(string raw, CancellationToken cancellationToken, bool remember = true)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var now = _time.GetUtcNow();
        if (_verified.TryGetValue(raw, out var known))
        {
            if (IsLive(known, now))
            {
                return known;
            }

            _verified.TryRemove(raw, out _);
            return TokenCheck.Invalid("the access token has expired");
        }

        if (raw.Length > MaxTokenLength)
        {
            return TokenCheck.Invalid("the access token is too long");
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return TokenCheck.Invalid("the access token is not a well-formed JWT");
        }

        // Checked before any key lookup: a wrong alg or typ never costs a JWKS fetch.
        if (jwt.Alg != SecurityAlgorithms.RsaSha256)
        {
            return TokenCheck.Invalid("the access token must be signed with RS256");
        }

        if (!AccessTokenTypes.Contains(jwt.Typ, StringComparer.OrdinalIgnoreCase))
        {
            return TokenCheck.Invalid("the token is not an access token (typ must be at+jwt)");
        }

        if (string.IsNullOrEmpty(jwt.Kid) || await _keys.FindAsync(jwt.Kid, cancellationToken) is not { } key)
        {
            return TokenCheck.Invalid("the access token is signed with an unknown key");
        }

        var parameters = _parameters.Clone();
        parameters.IssuerSigningKey = key;
        var result = await _handler.ValidateTokenAsync(jwt, parameters);
        if (!result.IsValid)
        {
            return TokenCheck.Invalid(Describe(result.Exception));
        }

        if (Claims(jwt) is not { } token)
        {
            return TokenCheck.Invalid("the access token lacks jti, client_id, sub, iat or scope");
        }

        var valid = TokenCheck.Valid(token);
        if (!remember)
        {
            return valid;
        }

        if (_verified.Count >= MaxCachedTokens)
        {
            _verified.Clear();
        }

        _verified.TryAdd(raw, valid);
        return valid;
    }

    private static AccessToken? Claims(JsonWebToken jwt)
    {
        if (!jwt.TryGetPayloadValue<string>("jti", out var jti) || string.IsNullOrEmpty(jti)
            || !jwt.TryGetPayloadValue<string>("client_id", out var clientId) || string.IsNullOrEmpty(clientId)
            || !jwt.TryGetPayloadValue<string>("scope", out var scope) || string.IsNullOrEmpty(scope)
            || string.IsNullOrEmpty(jwt.Subject) || !jwt.TryGetPayloadValue<long>("iat", out var iat))
        {
            return null;
        }

        jwt.TryGetPayloadValue<string>("grant_id", out var grant);
        jwt.TryGetPayloadValue<string>("patient", out var patient);
        return new AccessToken(
            jti, clientId, jwt.Subject, string.IsNullOrEmpty(grant) ? null : grant, string.IsNullOrEmpty(patient) ? null : patient,
            scope.Split(' ', StringSplitOptions.RemoveEmptyEntries), Categories(jwt),
            DateTimeOffset.FromUnixTimeSeconds(iat), new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }

    private static string[] Categories(JsonWebToken jwt)
    {
        if (jwt.TryGetPayloadValue<JsonElement>("sensitive_categories", out var element) && element.ValueKind == JsonValueKind.Array)
        {
            return [.. element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
        }

        return [.. jwt.Claims.Where(c => c.Type == "sensitive_categories").Select(c => c.Value)];
    }

    private static string Describe(Exception? error) => error switch
    {
        SecurityTokenExpiredException => "the access token has expired",
        SecurityTokenNotYetValidException => "the access token is not valid yet",
        SecurityTokenInvalidIssuerException => "the access token was issued by another server",
        SecurityTokenInvalidAudienceException => "the access token is for another audience",
        SecurityTokenNoExpirationException => "the access token has no expiry",
        SecurityTokenInvalidTypeException => "the token is not an access token (typ must be at+jwt)",
        SecurityTokenInvalidAlgorithmException => "the access token must be signed with RS256",
        _ => "the access token signature is not valid",
    };
}
