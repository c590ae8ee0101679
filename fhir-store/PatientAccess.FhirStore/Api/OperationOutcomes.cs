using System.Text.Json;

namespace PatientAccess.FhirStore.Api;

/// <summary>Every error the store answers is a FHIR OperationOutcome with the matching HTTP status.</summary>
internal static class OperationOutcomes
{
    public static IResult BadRequest(IEnumerable<string> problems) => Result(StatusCodes.Status400BadRequest, "invalid", problems);

    public static IResult BadRequest(string problem) => BadRequest([problem]);

    public static IResult Forbidden(string problem) => Result(StatusCodes.Status403Forbidden, "forbidden", [problem]);

    public static IResult NotFound(string problem) => Result(StatusCodes.Status404NotFound, "not-found", [problem]);

    public static IResult Gone(string problem) => Result(StatusCodes.Status410Gone, "deleted", [problem]);

    public static IResult MethodNotAllowed(string problem) => Result(StatusCodes.Status405MethodNotAllowed, "not-supported", [problem]);

    public static IResult TooLong(string problem) => Result(StatusCodes.Status414UriTooLong, "too-long", [problem]);

    public static IResult UnsupportedMediaType(string problem) => Result(StatusCodes.Status415UnsupportedMediaType, "not-supported", [problem]);

    public static IResult Result(int status, string code, IEnumerable<string> problems) =>
        Results.Text(Json(problems.Select(p => ("error", code, p))), FhirJson.ContentType, statusCode: status);

    /// <summary>An OperationOutcome document; issues are (severity, code, diagnostics).</summary>
    public static string Json(IEnumerable<(string Severity, string Code, string Diagnostics)> issues)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, issues);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, IEnumerable<(string Severity, string Code, string Diagnostics)> issues)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType", "OperationOutcome");
        writer.WriteStartArray("issue");
        foreach (var (severity, code, diagnostics) in issues)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", severity);
            writer.WriteString("code", code);
            writer.WriteString("diagnostics", diagnostics);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
