using PatientAccess.FhirStore.Access;
using PatientAccess.FhirStore.Api;

namespace PatientAccess.FhirStore.Import;

/// <summary>
/// <c>POST /r4/$import</c>: an operator loads NDJSON (any mix of types, one resource a line)
/// in the request body. Internal: the gateway never forwards writes, and only an operator key
/// is accepted here. The answer is an OperationOutcome: a summary, then one issue per
/// rejected line and per dangling reference.
/// </summary>
public static class ImportApi
{
    public static RouteHandlerBuilder MapImportApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/r4/$import", async (HttpContext context, AccessResolver access, NdjsonImporter importer) =>
        {
            if (!access.Resolve(context).IsOperator)
            {
                return OperationOutcomes.Forbidden("$import needs an operator key");
            }

            var report = await importer.ImportAsync([("request", context.Request.Body)], context.RequestAborted);
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
