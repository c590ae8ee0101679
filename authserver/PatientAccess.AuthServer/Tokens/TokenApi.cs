using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Discovery;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Refresh;

namespace PatientAccess.AuthServer.Tokens;

/// <summary>The token endpoint (RFC 6749 §3.2): authorization_code and refresh_token grants.</summary>
internal static class TokenApi
{
    public static RouteGroupBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/oauth2").RequireCors(CorsPolicies.TokenEndpoints);
        group.MapPost("/token", HandleAsync);
        group.MapMethods("/token", ["GET", "PUT", "DELETE", "PATCH"], (HttpContext context) =>
            OAuthResults.Error(context, OAuthError.InvalidRequest("use POST"), StatusCodes.Status405MethodNotAllowed));
        return group;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        ClientAuthenticator authenticator,
        AuthorizationCodeExchange codes,
        RefreshTokenExchange refreshes,
        Refusals refusals,
        ClientUsage usage,
        CancellationToken cancellationToken)
    {
        var (form, client, failure) = await authenticator.ReadAuthenticatedAsync(context, allowPublic: true, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var outcome = form!["grant_type"] switch
        {
            null => TokenOutcome.Fail(OAuthError.InvalidRequest("grant_type is required")),
            "authorization_code" => await codes.ExchangeAsync(client!, form!, cancellationToken),
            "refresh_token" => await refreshes.ExchangeAsync(client!, form!, cancellationToken),
            _ => TokenOutcome.Fail(new OAuthError(OAuthErrors.UnsupportedGrantType, "only authorization_code and refresh_token are supported")),
        };
        if (outcome.Body is null)
        {
            // The descriptions are this server's fixed texts: no code or token is ever in them.
            refusals.Record(context, AuditEventTypes.TokenRefused, client!.ClientId, (form["grant_type"] is "authorization_code" or "refresh_token" ? form["grant_type"] : "grant_type") + ": " + outcome.Error!.Description);
            return OAuthResults.Error(context, outcome.Error!);
        }

        await usage.TouchAsync(client!.ClientId, cancellationToken);
        return OAuthResults.Json200(context, outcome.Body);
    }
}
