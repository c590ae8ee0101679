using System.Buffers;
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
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n\v\f");

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

        if (headers.Count == 0 || BearerToken(headers[0]) is not { } raw)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "invalid_token",
                headers.Count == 0 ? "an access token is required" : "the Authorization header must be 'Bearer <token>'", RefusalReasons.TokenInvalid);
            return;
        }

        // A token seen before is found by the header's own characters: no copy of a kilobyte-long string per request.
        var check = validator.TryGetKnown(raw.Span) ?? await validator.ValidateAsync(raw.ToString(), context.RequestAborted);
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

    /// <summary>
    /// The token of <c>Bearer &lt;token&gt;</c> (RFC 6750 §2.1: the scheme in any case, then one or
    /// more spaces and a token without whitespace), or null for anything else.
    /// </summary>
    internal static ReadOnlyMemory<char>? BearerToken(string? header)
    {
        const string scheme = "Bearer";
        var text = header.AsMemory().Trim();
        if (text.Length <= scheme.Length || !text.Span.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || text.Span[scheme.Length] != ' ')
        {
            return null;
        }

        var token = text[scheme.Length..].TrimStart(' ');
        if (token.Length == 0 || token.Span.ContainsAny(Whitespace))
        {
            // Not a conditional expression: a bare null there becomes an empty ReadOnlyMemory, not "no token".
            return null;
        }

        return token;
    }

    private static Task RefuseAsync(HttpContext context, int status, string error, string description, string reason)
    {
        // The descriptions are fixed texts without quotes, so they are safe inside the quoted string.
        context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"patientaccess\", error=\"{error}\", error_description=\"{description}\"";
        return OperationOutcomeWriter.RefuseAsync(context, status, status == StatusCodes.Status400BadRequest ? "invalid" : "login", reason, description);
    }
}
