using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Refresh;
using PatientAccess.AuthServer.Storage;
using PatientAccess.AuthServer.Tokens;

namespace PatientAccess.AuthServer.Introspection;

/// <summary>
/// Token introspection (RFC 7662). A configured resource server may introspect any token;
/// a confidential client only its own: for anyone else's token the answer is <c>active: false</c>,
/// exactly as for an unknown one, so introspection cannot be used to probe other apps' tokens.
/// </summary>
internal static class IntrospectionApi
{
    /// <summary>Resource servers' failures are counted and audited under this prefix, apart from any client of the same name.</summary>
    private const string ResourceServerPrefix = "resource-server:";

    public static RouteGroupBuilder MapIntrospectionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/oauth2");
        group.MapPost("/introspect", HandleAsync);
        return group;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        ClientAuthenticator authenticator,
        IOptions<IntrospectionOptions> options,
        AccessTokenValidator accessTokens,
        RefreshTokenService refreshTokens,
        IDbContextFactory<AuthDbContext> contexts,
        IOptions<AuthServerOptions> server,
        TokenIssuer issuer,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (form, error) = await FormRequest.ReadAsync(context.Request, cancellationToken);
        if (form is null)
        {
            return OAuthResults.Error(context, error!);
        }

        string? ownerFilter;
        if (FindResourceServer(context.Request.Headers.Authorization, options.Value, out var presentedSecret) is { } resourceServer)
        {
            // The secret is compared first, so no run of failures can refuse the right one.
            if (!Secrets.FixedTimeEquals(Secrets.HexHash(presentedSecret), resourceServer.SecretHash.ToUpperInvariant()))
            {
                return authenticator.Failed(context, ResourceServerPrefix + resourceServer.Id, "client authentication failed", "wrong resource server secret");
            }

            ownerFilter = null;
        }
        else
        {
            var authentication = await authenticator.AuthenticateAsync(context, form, allowPublic: false, cancellationToken);
            if (authentication.Failure is not null)
            {
                return authentication.Failure;
            }

            ownerFilter = authentication.Client!.ClientId;
        }

        if (form.FirstProblem() is { } problem)
        {
            return OAuthResults.Error(context, OAuthError.InvalidRequest(problem));
        }

        if (form["token"] is not { } token)
        {
            return OAuthResults.Error(context, OAuthError.InvalidRequest("token is required"));
        }

        var inactive = new JsonObject { ["active"] = false };
        if (token.Count(c => c == '.') == 2)
        {
            var access = await accessTokens.ValidateAsync(token, cancellationToken);
            if (access is null || (ownerFilter is not null && access.ClientId != ownerFilter))
            {
                return OAuthResults.Json200(context, inactive);
            }

            var body = new JsonObject
            {
                ["active"] = true,
                ["token_type"] = "Bearer",
                ["scope"] = access.Scope,
                ["client_id"] = access.ClientId,
                ["sub"] = access.Subject,
                ["iss"] = server.Value.IssuerBase,
                ["aud"] = access.Audience,
                ["exp"] = access.ExpiresAt,
                ["iat"] = access.IssuedAt,
                ["jti"] = access.Jti,
                ["patient"] = access.Patient,
                ["sensitive_categories"] = new JsonArray([.. access.SensitiveCategories.Select(c => JsonValue.Create(c))]),
            };
            if (access.FhirUser is not null)
            {
                body["fhirUser"] = access.FhirUser;
            }

            return OAuthResults.Json200(context, body);
        }

        var refresh = await refreshTokens.FindAsync(token, cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (refresh is null || refresh.ConsumedAt is not null || refresh.ExpiresAt <= now || (ownerFilter is not null && refresh.ClientId != ownerFilter))
        {
            return OAuthResults.Json200(context, inactive);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.GrantId == refresh.GrantId && g.RevokedAt == null, cancellationToken);
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == refresh.ClientId, cancellationToken);
        if (grant is null || client is not { IsActive: true })
        {
            return OAuthResults.Json200(context, inactive);
        }

        return OAuthResults.Json200(context, new JsonObject
        {
            ["active"] = true,
            ["token_type"] = "refresh_token",
            ["scope"] = grant.Scope,
            ["client_id"] = grant.ClientId,
            ["sub"] = grant.MemberAccountId,
            ["iss"] = server.Value.IssuerBase,
            ["exp"] = refresh.ExpiresAt,
            ["iat"] = refresh.IssuedAt,
            ["patient"] = grant.PatientId,
            ["fhirUser"] = issuer.FhirUserUrl(grant.FhirUser),
        });
    }

    /// <summary>The configured resource server named by a Basic header, with the secret it presented; null when none is named.</summary>
    private static ResourceServerCredential? FindResourceServer(string? header, IntrospectionOptions options, out string secret)
    {
        secret = string.Empty;
        if (options.ResourceServers.Count == 0 || !AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return null;
        }

        var bytes = new byte[value.Parameter.Length];
        if (!Convert.TryFromBase64String(value.Parameter, bytes, out var written))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var name = Uri.UnescapeDataString(text[..colon].Replace('+', ' '));
        var credential = options.ResourceServers.FirstOrDefault(s => string.Equals(s.Id, name, StringComparison.Ordinal));
        if (credential is not null)
        {
            secret = Uri.UnescapeDataString(text[(colon + 1)..].Replace('+', ' '));
        }

        return credential;
    }
}
