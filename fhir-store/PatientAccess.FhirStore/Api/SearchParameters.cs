using System.Text;

namespace PatientAccess.FhirStore.Api;

/// <summary>A search's parameters: the query string, plus the form body of <c>POST _search</c>.</summary>
internal sealed record SearchParameters(IReadOnlyList<KeyValuePair<string, string>> Values, IResult? Error)
{
    private const long MaxFormBytes = 64 * 1024;

    public static async Task<SearchParameters> ReadAsync(HttpRequest request)
    {
        var values = request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))).ToList();
        if (!HttpMethods.IsPost(request.Method))
        {
            return new SearchParameters(values, null);
        }

        if (!request.HasFormContentType)
        {
            return new SearchParameters([], OperationOutcomes.UnsupportedMediaType("POST _search takes an application/x-www-form-urlencoded body"));
        }

        // FHIR is UTF-8; other charsets are refused here rather than by the decoder (UTF-7 throws).
        if (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && mediaType.Charset.HasValue && !string.Equals(mediaType.Charset.Value.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return new SearchParameters([], OperationOutcomes.UnsupportedMediaType($"POST _search forms must be UTF-8, not {mediaType.Charset.Value}"));
        }

        if (request.ContentLength > MaxFormBytes)
        {
            return new SearchParameters([], OperationOutcomes.Result(StatusCodes.Status413PayloadTooLarge, "too-long", [$"the form is larger than {MaxFormBytes} bytes"]));
        }

        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            values.AddRange(form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))));
            return new SearchParameters(values, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or DecoderFallbackException)
        {
            // Too many or too long values, bytes that do not decode.
            return new SearchParameters([], OperationOutcomes.BadRequest($"the form body is not valid: {ex.Message}"));
        }
    }
}
