using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using PatientAccess.AuthServer.Developer.Accounts;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Developer.Api;

/// <summary>
/// The API's way in and its errors. Errors are RFC 6749-style JSON (<c>error</c>,
/// <c>error_description</c>), as on every other JSON endpoint of this server. A developer is
/// known only by <c>Authorization: Bearer</c>; the portal's cookie is never read here, so a page
/// on another site cannot make a signed-in developer's browser act on the API (CSRF). Bodies must
/// be <c>application/json</c>, which no cross-site form can send without a CORS preflight (and this
/// API answers no preflight).
/// </summary>
internal static class ApiRequests
{
    public const int MaxJsonBytes = 64 * 1024;

    public static IResult Error(HttpContext context, int status, string error, string description) =>
        OAuthResults.Error(context, new OAuthError(error, description), status);

    public static IResult NotFound(HttpContext context) =>
        Error(context, StatusCodes.Status404NotFound, "not_found", "no such client");

    /// <summary>The signed-in developer's session, or the 401 to answer (RFC 6750 §3).</summary>
    public static async Task<(DeveloperSession? Session, IResult? Failure)> DeveloperAsync(HttpContext context, DeveloperSessions sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var session = await sessions.FromBearerAsync(context, cancellationToken);
        if (session is { SignedIn: true })
        {
            return (session, null);
        }

        var hasToken = context.Request.Headers.Authorization.Count > 0;
        DeveloperSessions.Challenge(context, hasToken ? "invalid_token" : "invalid_request");
        return (null, Error(context, StatusCodes.Status401Unauthorized, hasToken ? "invalid_token" : "invalid_request",
            hasToken ? "the bearer token is not a signed-in developer session" : "send Authorization: Bearer <access_token> from /api/developer/verify"));
    }

    /// <summary>The JSON object body, or the 4xx to answer.</summary>
    public static async Task<(JsonObject? Body, IResult? Failure)> JsonAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Error(context, StatusCodes.Status415UnsupportedMediaType, "invalid_request", "the body must be application/json"));
        }

        if (request.ContentLength > MaxJsonBytes)
        {
            return (null, Error(context, StatusCodes.Status413PayloadTooLarge, "invalid_request", "the body is too large"));
        }

        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            if (buffer.Length > MaxJsonBytes)
            {
                return (null, Error(context, StatusCodes.Status413PayloadTooLarge, "invalid_request", "the body is too large"));
            }

            return JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 8 }) is JsonObject body
                ? (body, null)
                : (null, Error(context, StatusCodes.Status400BadRequest, "invalid_request", "the body must be a JSON object"));
        }
        catch (JsonException)
        {
            return (null, Error(context, StatusCodes.Status400BadRequest, "invalid_request", "the body is not valid JSON"));
        }
    }

    /// <summary>A string member, or null when absent or JSON null; <paramref name="wrong"/> when present with another type.</summary>
    public static string? String(JsonObject body, string name, out bool wrong)
    {
        ArgumentNullException.ThrowIfNull(body);
        wrong = false;
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        wrong = true;
        return null;
    }

    /// <summary>An array of strings, or null when absent; <paramref name="wrong"/> when not an array of strings.</summary>
    public static IReadOnlyList<string>? Strings(JsonObject body, string name, out bool wrong)
    {
        ArgumentNullException.ThrowIfNull(body);
        wrong = false;
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is not JsonArray array || array.Count > 1000)
        {
            wrong = true;
            return null;
        }

        var list = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var text))
            {
                wrong = true;
                return null;
            }

            list.Add(text);
        }

        return list;
    }
}
