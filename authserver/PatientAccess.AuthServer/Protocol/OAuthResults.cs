using System.Text.Json;
using System.Text.Json.Nodes;

namespace PatientAccess.AuthServer.Protocol;

/// <summary>JSON answers of the OAuth endpoints, never cached (RFC 6749 §5.1).</summary>
internal static class OAuthResults
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static IResult Error(HttpContext context, OAuthError error, int status = StatusCodes.Status400BadRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        NoStore(context);
        var body = new JsonObject
        {
            ["error"] = error.Error,
            ["error_description"] = error.Description,
        };
        return Results.Text(body.ToJsonString(Json), "application/json; charset=utf-8", statusCode: status);
    }

    /// <summary>invalid_client per RFC 6749 §5.2: 401 with a challenge for the scheme clients may use.</summary>
    public static IResult InvalidClient(HttpContext context, string description)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"patientaccess\", charset=\"UTF-8\"";
        return Error(context, OAuthError.InvalidClient(description), StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// A refusal past a failure budget: 429 (RFC 6585) with Retry-After and the RFC 6749 §5.2 body.
    /// Only ever sent for a credential already found wrong, so the error code stays truthful.
    /// </summary>
    public static IResult Throttled(HttpContext context, OAuthError error, int retryAfterSeconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Error(context, error, StatusCodes.Status429TooManyRequests);
    }

    public static IResult Json200(HttpContext context, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        NoStore(context);
        return Results.Text(body.ToJsonString(Json), "application/json; charset=utf-8", statusCode: StatusCodes.Status200OK);
    }

    public static void NoStore(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
    }
}
