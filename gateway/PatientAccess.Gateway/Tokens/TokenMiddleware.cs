using System.Net.Http.Headers;
using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Pipeline;
using PatientAccess.Gateway.Revocation;

namespace PatientAccess.Gateway.Tokens;

/// <summary>
/// Step 4: a valid, unrevoked access token, presented once as <c>Authorization: Bearer</c>
/// (RFC 6750 §2.1; tokens in the query or body are not accepted). Discovery documents need none.
/// </summary>
internal sealed class TokenMiddleware(RequestDelegate next, AccessTokenValidator validator, RevocationSet revocations)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = GatewayRequest.Of(context);
        if (request.IsPublic)
        {
            await next(context);
            return;
        }

        var headers = context.Request.Headers.Authorization;
        if (headers.Count > 1)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "more than one Authorization header", RefusalReasons.TokenInvalid);
            return;
        }

        if (headers.Count == 0 || !AuthenticationHeaderValue.TryParse(headers[0], out var value)
            || !string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(value.Parameter))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "invalid_token",
                headers.Count == 0 ? "an access token is required" : "the Authorization header must be 'Bearer <token>'", RefusalReasons.TokenInvalid);
            return;
        }

        var check = await validator.ValidateAsync(value.Parameter, context.RequestAborted);
        if (check.Token is not { } token)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, check.Error, check.Description, RefusalReasons.TokenInvalid);
            return;
        }

        request.Token = token;
        if (revocations.IsRevoked(token))
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "invalid_token", "the access token has been revoked", RefusalReasons.TokenRevoked);
            return;
        }

        await next(context);
    }

    private static Task RefuseAsync(HttpContext context, int status, string error, string description, string reason)
    {
        // The descriptions are fixed texts without quotes, so they are safe inside the quoted string.
        context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"patientaccess\", error=\"{error}\", error_description=\"{description}\"";
        return OperationOutcomeWriter.RefuseAsync(context, status, status == StatusCodes.Status400BadRequest ? "invalid" : "login", reason, description);
    }
}
