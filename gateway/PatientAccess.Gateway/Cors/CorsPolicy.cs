using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Pipeline;

namespace PatientAccess.Gateway.Cors;

/// <summary>
/// The Fetch standard's CORS protocol for browser SMART apps: preflights answered 204 (never a
/// write attempt), actual answers, refusals included, readable with the headers an app needs
/// (<c>Location</c>, rate limits, <c>Retry-After</c>, <c>WWW-Authenticate</c>, validators...). No
/// credentials mode: the gateway reads no cookies; see <see cref="CorsOptions"/> for the origins.
/// </summary>
public sealed class CorsPolicy
{
    /// <summary>The request headers a FHIR app sends besides the CORS-safelisted ones.</summary>
    public const string AllowHeaders = "Authorization, Accept, Content-Type, Prefer, If-None-Match, If-Modified-Since, X-Request-Id";

    /// <summary>Response headers a browser app may read besides the safelisted ones.</summary>
    public const string ExposeHeaders =
        "Location, Content-Location, ETag, Last-Modified, RateLimit, RateLimit-Policy, Retry-After, WWW-Authenticate, X-Request-Id";

    private readonly bool _any;
    private readonly HashSet<string> _origins;
    private readonly string _maxAge;

    public CorsPolicy(IOptions<CorsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _any = options.Value.AnyOrigin;
        _origins = new HashSet<string>(options.Value.Origins, StringComparer.OrdinalIgnoreCase);
        _maxAge = options.Value.MaxAgeSeconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A CORS preflight: OPTIONS with <c>Origin</c> and <c>Access-Control-Request-Method</c>.</summary>
    public static bool IsPreflight(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsOptions(request.Method) && request.Headers.Origin.Count > 0
            && request.Headers.AccessControlRequestMethod.Count > 0;
    }

    /// <summary>What <c>Access-Control-Allow-Origin</c> says to this origin: <c>*</c>, the origin itself, or null (not allowed).</summary>
    public string? AllowOrigin(StringValues origin)
    {
        if (origin.Count != 1 || string.IsNullOrEmpty(origin[0]))
        {
            return null;
        }

        return _any ? "*" : _origins.Contains(origin[0]!) ? origin[0] : null;
    }

    /// <summary>Adds the actual-response headers when the answer starts, after whatever step wrote it.</summary>
    public void OnActualResponse(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (AllowOrigin(context.Request.Headers.Origin) is not { } allowed)
        {
            return;
        }

        context.Response.OnStarting(static state =>
        {
            var (response, allowed, any) = ((HttpResponse, string, bool))state;
            Apply(response.Headers, allowed, any);
            response.Headers.AccessControlExposeHeaders = ExposeHeaders;
            return Task.CompletedTask;
        }, (context.Response, allowed, _any));
    }

    /// <summary>Answers a preflight for a FHIR address: 204 with what the actual request may use.</summary>
    public Task AnswerPreflightAsync(HttpContext context, FhirTarget target)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(target);
        if (target.RouteTemplate == "(outside /r4)")
        {
            return OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status404NotFound, "not-found", RefusalReasons.Route,
                "no FHIR interaction at this address; the FHIR base is /r4");
        }

        if (AllowOrigin(context.Request.Headers.Origin) is not { } allowed)
        {
            return OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status403Forbidden, "forbidden", RefusalReasons.Origin,
                "this origin is not allowed to call the FHIR API from a browser");
        }

        var headers = context.Response.Headers;
        Apply(headers, allowed, _any);
        // POST only where it is a search; the browser refuses any other method the app asked for.
        headers.AccessControlAllowMethods = target.RouteTemplate.EndsWith("/_search", StringComparison.Ordinal) ? "GET, HEAD, POST" : "GET, HEAD";
        headers.AccessControlAllowHeaders = AllowHeaders;
        headers.AccessControlMaxAge = _maxAge;
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static void Apply(IHeaderDictionary headers, string allowed, bool any)
    {
        headers.AccessControlAllowOrigin = allowed;
        if (!any)
        {
            // The answer differs by origin: shared caches must keep one per origin.
            headers.Append("Vary", "Origin");
        }
    }
}
