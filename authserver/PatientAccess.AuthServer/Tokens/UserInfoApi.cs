using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Discovery;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Scopes;

namespace PatientAccess.AuthServer.Tokens;

/// <summary>OpenID Connect UserInfo (Core §5.3), protected as RFC 6750 describes.</summary>
internal static class UserInfoApi
{
    public static RouteGroupBuilder MapUserInfoApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/oauth2").RequireCors(CorsPolicies.UserInfo);
        group.MapMethods("/userinfo", ["GET", "POST"], HandleAsync);
        return group;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, AccessTokenValidator validator, TokenIssuer issuer, CancellationToken cancellationToken)
    {
        OAuthResults.NoStore(context);
        var header = context.Request.Headers.Authorization;
        if (header.Count == 0)
        {
            // §3.1: a request without credentials gets a challenge without an error code.
            return Challenge(context, null, null, StatusCodes.Status401Unauthorized);
        }

        if (header.Count > 1 || !AuthenticationHeaderValue.TryParse(header[0], out var value)
            || !string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(value.Parameter))
        {
            return Challenge(context, OAuthErrors.InvalidRequest, "send the access token as Authorization: Bearer", StatusCodes.Status400BadRequest);
        }

        var token = await validator.ValidateAsync(value.Parameter, cancellationToken);
        if (token is null)
        {
            return Challenge(context, OAuthErrors.InvalidToken, "the access token is not valid", StatusCodes.Status401Unauthorized);
        }

        if (!ScopePolicy.Contains(token.Scope, ScopeNames.OpenId))
        {
            return Challenge(context, OAuthErrors.InsufficientScope, "the openid scope is required", StatusCodes.Status403Forbidden);
        }

        var body = new JsonObject { ["sub"] = token.Subject };
        if (ScopePolicy.Contains(token.Scope, ScopeNames.FhirUser) && token.FhirUser is not null)
        {
            body["fhirUser"] = token.FhirUser;
        }

        return OAuthResults.Json200(context, body);
    }

    private static IResult Challenge(HttpContext context, string? error, string? description, int status)
    {
        context.Response.Headers.WWWAuthenticate = error is null
            ? "Bearer realm=\"patientaccess\""
            : $"Bearer realm=\"patientaccess\", error=\"{error}\", error_description=\"{description}\"";
        return error is null
            ? Results.StatusCode(status)
            : OAuthResults.Error(context, new OAuthError(error, description!), status);
    }
}
