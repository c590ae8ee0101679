using System.Text.Json;
using PatientAccess.Monitor.Fhir;

namespace PatientAccess.Monitor.Api;

/// <summary>Every error the monitor's FHIR API answers is a FHIR OperationOutcome.</summary>
internal static class OperationOutcomes
{
    public static async Task WriteAsync(HttpResponse response, int status, string issueCode, string diagnostics)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        response.ContentType = FhirJson.ContentType;
        response.Headers.CacheControl = "no-store";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("resourceType", "OperationOutcome");
        writer.WriteStartArray("issue");
        writer.WriteStartObject();
        writer.WriteString("severity", "error");
        writer.WriteString("code", issueCode);
        writer.WriteString("diagnostics", diagnostics);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static IResult Result(int status, string issueCode, string diagnostics) =>
        new OutcomeResult(status, issueCode, diagnostics);

    private sealed class OutcomeResult(int status, string issueCode, string diagnostics) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext.Response, status, issueCode, diagnostics);
    }
}
