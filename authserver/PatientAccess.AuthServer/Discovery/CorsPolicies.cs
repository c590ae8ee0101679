namespace PatientAccess.AuthServer.Discovery;

/// <summary>
/// CORS for what browser-based SMART apps (public clients) call directly. Every policy allows any
/// origin and never credentials (the CORS spec forbids both together): these endpoints carry no
/// ambient authority (no cookie is read), so the only thing CORS decides here is whether a page
/// may read a response to a request it could send anyway; a form POST to the token endpoint
/// needs no preflight at all. Reading a token response needs the code and PKCE verifier or the
/// refresh token, which the page already holds. Limiting origins to registered redirect URIs
/// would therefore protect nothing while breaking apps served from a different origin than their
/// callback, and would cost a database read per preflight. The introspection endpoint is for
/// servers and has no CORS at all; the member pages and the admin API neither.
/// </summary>
internal static class CorsPolicies
{
    /// <summary>Discovery documents and the JWKS: GET from anywhere, any request header.</summary>
    public const string Documents = "oauth-documents";

    /// <summary>Token and revocation: POST with a form and optional Basic authentication; Retry-After and the challenge readable.</summary>
    public const string TokenEndpoints = "oauth-token";

    /// <summary>UserInfo: GET or POST with a bearer token.</summary>
    public const string UserInfo = "oauth-userinfo";

    private static readonly TimeSpan PreflightMaxAge = TimeSpan.FromHours(1);

    public static IServiceCollection AddOAuthCors(this IServiceCollection services) =>
        services.AddCors(cors =>
        {
            cors.AddPolicy(Documents, policy => policy.AllowAnyOrigin().WithMethods("GET").AllowAnyHeader().SetPreflightMaxAge(PreflightMaxAge));
            cors.AddPolicy(TokenEndpoints, policy => policy.AllowAnyOrigin().WithMethods("POST").WithHeaders("Authorization", "Content-Type")
                .WithExposedHeaders("Retry-After", "WWW-Authenticate").SetPreflightMaxAge(PreflightMaxAge));
            cors.AddPolicy(UserInfo, policy => policy.AllowAnyOrigin().WithMethods("GET", "POST").WithHeaders("Authorization", "Content-Type")
                .WithExposedHeaders("WWW-Authenticate").SetPreflightMaxAge(PreflightMaxAge));
        });
}
