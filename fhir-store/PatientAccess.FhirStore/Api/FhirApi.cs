using Microsoft.Extensions.Options;
using PatientAccess.Fhir.Search;
using PatientAccess.FhirStore.Access;
using PatientAccess.FhirStore.Capability;
using PatientAccess.FhirStore.Search;
using PatientAccess.FhirStore.Storage;

namespace PatientAccess.FhirStore.Api;

/// <summary>The FHIR R4 REST interface: metadata, read, vread and search (GET and POST _search).</summary>
public static class FhirApi
{
    private const int MaxQueryLength = 16 * 1024;

    public static RouteGroupBuilder MapFhirApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/r4");
        // Every answer may carry PHI (or say whether a record exists): no cache, shared or private,
        // may keep it. Pragma for HTTP/1.0 caches.
        group.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            context.HttpContext.Response.Headers.Pragma = "no-cache";
            return await next(context);
        });
        group.MapGet("/metadata", (CapabilityStatementBuilder capability, IOptions<FhirBaseOptions> fhirBase) =>
            Results.Text(capability.Build(fhirBase.Value.Base), FhirJson.ContentType));
        group.MapGet("/{type}", SearchAsync);
        group.MapPost("/{type}/_search", SearchAsync);
        group.MapGet("/{type}/{id}", ReadAsync);
        group.MapGet("/{type}/{id}/_history/{version}", ReadVersionAsync);
        group.MapMethods("/{**path}", ["POST", "PUT", "PATCH", "DELETE"], (HttpRequest request) =>
            OperationOutcomes.MethodNotAllowed($"{request.Method} is not allowed: this FHIR server is read-only to apps"));
        group.MapFallback((HttpRequest request) => OperationOutcomes.NotFound($"no FHIR interaction at {request.Path}"));
        return group;
    }

    private static async Task<IResult> ReadAsync(string type, string id, HttpContext context, IResourceStore store, AccessResolver access, SupportedResourceTypes types)
    {
        if (CheckRead(context, type, id, access, types, out var scope) is { } refusal)
        {
            return refusal;
        }

        var resource = await store.ReadAsync(type, id, scope!, context.RequestAborted);
        return Respond(context, resource, $"{type}/{id} is not known");
    }

    private static async Task<IResult> ReadVersionAsync(string type, string id, string version, HttpContext context, IResourceStore store, AccessResolver access, SupportedResourceTypes types)
    {
        if (CheckRead(context, type, id, access, types, out var scope) is { } refusal)
        {
            return refusal;
        }

        if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var versionId))
        {
            return OperationOutcomes.NotFound($"'{version}' is not a version of {type}/{id}");
        }

        var resource = await store.ReadVersionAsync(type, id, versionId, scope!, context.RequestAborted);
        return Respond(context, resource, $"{type}/{id} has no version {version}");
    }

    private static async Task<IResult> SearchAsync(string type, HttpContext context, IResourceStore store, AccessResolver access,
        SupportedResourceTypes types, SearchParser parser, SearchParameterRegistry registry, IOptions<FhirBaseOptions> fhirBase)
    {
        if (Check(context, type, access, types, out var scope) is { } refusal)
        {
            return refusal;
        }

        var parameters = await SearchParameters.ReadAsync(context.Request);
        if (parameters.Error is { } error)
        {
            return error;
        }

        var strict = context.Request.Headers["Prefer"].Any(p => p?.Contains("handling=strict", StringComparison.OrdinalIgnoreCase) == true);
        var parsed = parser.Parse(type, parameters.Values, strict);
        if (parsed.Query is null)
        {
            return OperationOutcomes.BadRequest(parsed.Errors);
        }

        // The gateway judged the path's type; the store judges every type the search can return
        // or look into (defence in depth, and the only place includes and chains are known).
        if (IncludeScoping.Refusal(parsed.Query, scope!) is { } forbidden)
        {
            return OperationOutcomes.Forbidden(forbidden);
        }

        var (query, withheld) = IncludeScoping.Apply(parsed.Query, scope!, registry, types);
        var page = await store.SearchAsync(query, scope!, context.RequestAborted);
        return Results.Text(SearchBundle.Write(page, query, fhirBase.Value.Base, parameters.Values, parsed.Ignored, withheld), FhirJson.ContentType);
    }

    private static IResult? CheckRead(HttpContext context, string type, string id, AccessResolver access, SupportedResourceTypes types, out AccessScope? scope)
    {
        if (Check(context, type, access, types, out scope) is { } refusal)
        {
            return refusal;
        }

        if (!ResourcePreparer.IsId(id))
        {
            scope = null;
            return OperationOutcomes.BadRequest("the id is not a FHIR id (1-64 of A-Z a-z 0-9 - .)");
        }

        if (!scope!.CanRead(type))
        {
            scope = null;
            return OperationOutcomes.Forbidden($"the access token's scopes do not allow reading {type}");
        }

        return null;
    }

    private static IResult? Check(HttpContext context, string type, AccessResolver access, SupportedResourceTypes types, out AccessScope? scope)
    {
        scope = null;
        if (context.Request.QueryString.Value?.Length > MaxQueryLength)
        {
            return OperationOutcomes.TooLong($"the query string is longer than {MaxQueryLength} characters");
        }

        var decision = access.Resolve(context);
        if (decision.Scope is null)
        {
            return OperationOutcomes.Forbidden(decision.Refusal!);
        }

        if (!types.Contains(type))
        {
            return OperationOutcomes.NotFound($"'{type}' is not a resource type this server supports");
        }

        scope = decision.Scope;
        return null;
    }

    private static IResult Respond(HttpContext context, StoredResource? resource, string notFound)
    {
        if (resource is null)
        {
            // Another member's resource answers exactly like one that does not exist.
            return OperationOutcomes.NotFound(notFound);
        }

        if (resource.Deleted)
        {
            return OperationOutcomes.Gone($"{resource.Type}/{resource.Id} was deleted");
        }

        var etag = $"W/\"{resource.VersionId}\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = resource.LastUpdated.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return context.Request.Headers.IfNoneMatch.Contains(etag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Text(resource.Json, FhirJson.ContentType);
    }
}
