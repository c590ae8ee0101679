using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PatientAccess.Monitor.Api;

namespace PatientAccess.Monitor.Staff;

/// <summary>
/// Every request on the public port needs <c>Authorization: Bearer &lt;key&gt;</c>, checked against
/// <see cref="StaffOptions.KeyHashes"/> and <see cref="StaffOptions.EvidenceKeyHashes"/> in constant
/// time (every hash compared, whatever matches). The staff key opens everything; the evidence key
/// only <c>GET /api/apps/{clientId}/reads</c> and is 403 elsewhere. Anything else, an app's access
/// token included (a JWT is not a staff key, whoever signed it), is 401: a JSON problem under
/// <c>/api/</c>, an OperationOutcome elsewhere. The <c>/reviews</c> pages are for people and check
/// their own session cookie (<see cref="Pages.StaffSessions"/>), never a bearer key.
/// <c>/health/*</c> and <c>/metrics</c> are served on the management port only, which this step never sees.
/// </summary>
internal sealed class StaffCredentialMiddleware(RequestDelegate next, IOptions<StaffOptions> options)
{
    private const int MaxKeyLength = 512;
    private readonly byte[][] _staff = [.. options.Value.KeyHashes.Select(Convert.FromHexString)];
    private readonly byte[][] _evidence = [.. options.Value.EvidenceKeyHashes.Select(Convert.FromHexString)];

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (Pages.ReviewPages.Owns(path))
        {
            return next(context);
        }

        var hash = KeyHash(context.Request.Headers.Authorization);
        if (hash is not null && Matches(hash, _staff))
        {
            return next(context);
        }

        var api = path.StartsWithSegments("/api", StringComparison.Ordinal);
        if (hash is not null && Matches(hash, _evidence))
        {
            return IsEvidenceRequest(context.Request)
                ? next(context)
                : Refuse(context, api, StatusCodes.Status403Forbidden, "forbidden", "the evidence key opens only GET /api/apps/{clientId}/reads");
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"patientaccess-staff\"";
        return Refuse(context, api, StatusCodes.Status401Unauthorized, "login", "a staff key is required (Authorization: Bearer <staff key>)");
    }

    /// <summary>Exactly <c>GET /api/apps/{one segment}/reads</c>.</summary>
    internal static bool IsEvidenceRequest(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || !request.Path.StartsWithSegments("/api/apps", StringComparison.Ordinal, out var rest))
        {
            return false;
        }

        var segments = (rest.Value ?? string.Empty).Split('/');
        return segments is [_, { Length: > 0 }, "reads"];
    }

    private static Task Refuse(HttpContext context, bool api, int status, string code, string message)
    {
        if (!api)
        {
            return OperationOutcomes.WriteAsync(context.Response, status, code, message);
        }

        context.Response.Headers.CacheControl = "no-store";
        return Results.Problem(detail: message, statusCode: status).ExecuteAsync(context);
    }

    private static byte[]? KeyHash(Microsoft.Extensions.Primitives.StringValues header)
    {
        if (header.Count != 1 || !AuthenticationHeaderValue.TryParse(header[0], out var value)
            || !string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || value.Parameter is not { Length: > 0 and <= MaxKeyLength } key)
        {
            return null;
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    private static bool Matches(byte[] hash, byte[][] known)
    {
        var match = false;
        foreach (var candidate in known)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, candidate);
        }

        return match;
    }
}
