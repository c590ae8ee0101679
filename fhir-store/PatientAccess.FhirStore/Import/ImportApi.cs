using Microsoft.Extensions.Options;
using PatientAccess.FhirStore.Access;
using PatientAccess.FhirStore.Api;
using PatientAccess.FhirStore.Storage;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.FhirStore.Import;

/// <summary>
/// <c>POST /r4/$import</c>: an operator loads NDJSON (one resource a line) from the request body,
/// or with <c>?path=</c> from a file in <c>{DataDirectory}/import</c>; <c>?type=</c> (or a file
/// named after a type) declares the one type the input may hold. Internal: the gateway never forwards writes, and only an operator key
/// is accepted here. The answer is an OperationOutcome: a summary, then one issue per
/// rejected line and per dangling reference.
/// </summary>
public static class ImportApi
{
    public static RouteHandlerBuilder MapImportApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/r4/$import", async (HttpContext context, AccessResolver access, NdjsonImporter importer,
            SupportedResourceTypes types, IOptions<ServiceOptions> service, string? type, string? path) =>
        {
            if (!access.Resolve(context).IsOperator)
            {
                return OperationOutcomes.Forbidden("$import needs an operator key");
            }

            if (type is not null && !types.Contains(type))
            {
                return OperationOutcomes.BadRequest($"type: '{type}' is not a resource type this server stores");
            }

            ImportReport report;
            if (path is null)
            {
                report = await importer.ImportAsync([("request", context.Request.Body, type)], context.RequestAborted);
            }
            else
            {
                var folder = Path.Combine(service.Value.DataDirectory, "import");
                if (ImportFiles.Resolve(folder, path) is not { } file)
                {
                    return OperationOutcomes.BadRequest($"path: '{path}' is not a file in the import folder ({folder})");
                }

                await using var stream = File.OpenRead(file);
                report = await importer.ImportAsync([(path, stream, type ?? ImportFiles.DeclaredType(file, types))], context.RequestAborted);
            }

            return Results.Text(ToOutcome(report), FhirJson.ContentType, statusCode: report.Stored == 0 && report.Rejected > 0 ? 400 : 200);
        });

    public static string ToOutcome(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var issues = new List<(string, string, string)> { ("information", "informational", report.Summary) };
        issues.AddRange(report.Problems.Select(p => ("error", "invalid", $"{p.Source} line {p.Line}: {p.Detail}")));
        issues.AddRange(report.DanglingReferences.Select(d => ("warning", "not-found", d)));
        return OperationOutcomes.Json(issues);
    }
}
