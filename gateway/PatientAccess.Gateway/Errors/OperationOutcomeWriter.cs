using System.Text.Json;
using PatientAccess.Gateway.Pipeline;

namespace PatientAccess.Gateway.Errors;

/// <summary>
/// Writes the FHIR OperationOutcome every error an app sees must be, and marks the request as
/// refused with its reason so the audit event and metrics record why.
/// </summary>
public static class OperationOutcomeWriter
{
    public const string ContentType = "application/fhir+json; charset=utf-8";

    /// <summary>Refuses the request: status, FHIR issue code, reason label and a message safe to show the app.</summary>
    public static Task RefuseAsync(HttpContext context, int status, string issueCode, string reason, string diagnostics)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = GatewayRequest.Of(context);
        request.Decision = GatewayRequest.Refused;
        request.Reason ??= reason;
        return WriteAsync(context.Response, status, issueCode, diagnostics, context.RequestAborted);
    }

    public static async Task WriteAsync(HttpResponse response, int status, string issueCode, string diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(Json(issueCode, diagnostics), cancellationToken);
    }

    public static byte[] Json(string issueCode, string diagnostics)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
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

        return stream.ToArray();
    }
}
