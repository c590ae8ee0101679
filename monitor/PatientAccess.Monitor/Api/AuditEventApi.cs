using System.Text.RegularExpressions;
using PatientAccess.Monitor.Fhir;
using PatientAccess.Monitor.Search;
using PatientAccess.Monitor.Storage;

namespace PatientAccess.Monitor.Api;

/// <summary>
/// Staff search of the audit trail as FHIR: <c>GET /r4/AuditEvent</c> (a searchset Bundle, newest
/// first, keyset <c>next</c> links) and <c>GET /r4/AuditEvent/{id}</c>. The staff credential is
/// checked before these run (<see cref="Staff.StaffCredentialMiddleware"/>).
/// </summary>
internal static partial class AuditEventApi
{
    public static WebApplication MapAuditEventApi(this WebApplication app)
    {
        app.MapGet("/r4/AuditEvent", SearchAsync);
        app.MapGet("/r4/AuditEvent/{id}", ReadAsync);
        return app;
    }

    /// <summary>Anything else on the public port: a FHIR 404, not an empty answer.</summary>
    public static WebApplication MapMonitorNotFound(this WebApplication app)
    {
        app.MapFallback(() => OperationOutcomes.Result(StatusCodes.Status404NotFound, "not-found", "no monitor endpoint at this address"));
        return app;
    }

    private static async Task SearchAsync(HttpContext context, AuditStore store)
    {
        var (query, error) = AuditQueryParser.Parse(context.Request.Query);
        if (query is null)
        {
            await OperationOutcomes.WriteAsync(context.Response, StatusCodes.Status400BadRequest, "invalid", error!);
            return;
        }

        var (resources, next) = await store.SearchAsync(query, context.RequestAborted);
        context.Response.ContentType = FhirJson.ContentType;
        context.Response.Headers.CacheControl = "no-store";
        await SearchBundleWriter.WriteAsync(context.Response.Body, BaseUrl(context), query, resources, next, context.RequestAborted);
    }

    private static async Task ReadAsync(HttpContext context, string id, AuditStore store)
    {
        if (!FhirId().IsMatch(id))
        {
            await OperationOutcomes.WriteAsync(context.Response, StatusCodes.Status400BadRequest, "invalid", "the id is not a FHIR id ([A-Za-z0-9-.], at most 64)");
            return;
        }

        if (await store.ReadAsync(id, context.RequestAborted) is not { } json)
        {
            await OperationOutcomes.WriteAsync(context.Response, StatusCodes.Status404NotFound, "not-found", $"no AuditEvent with id {id}");
            return;
        }

        context.Response.ContentType = FhirJson.ContentType;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/r4";

    [GeneratedRegex("^[A-Za-z0-9\\-.]{1,64}$")]
    private static partial Regex FhirId();
}
