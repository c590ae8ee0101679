namespace PatientAccess.FhirStore.Api;

/// <summary>
/// The FHIR base as the caller sees it. Behind the gateway that is the public address, which
/// YARP passes in X-Forwarded-Proto/Host; the store listens only on an internal network, so
/// those headers come from the gateway.
/// </summary>
internal static class FhirBaseUrl
{
    public static string Of(HttpRequest request)
    {
        var proto = First(request.Headers["X-Forwarded-Proto"]) ?? request.Scheme;
        var host = First(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value;
        return $"{(proto is "https" ? "https" : "http")}://{host}/r4";
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values)
    {
        var value = values.Count > 0 ? values[0]?.Split(',')[0].Trim() : null;
        return string.IsNullOrEmpty(value) || value.Any(c => char.IsWhiteSpace(c) || c is '/' or '\\' or '?' or '#' or '@') ? null : value;
    }
}
