using Microsoft.Extensions.Primitives;
using PatientAccess.Gateway.Pipeline;

namespace PatientAccess.Gateway.Methods;

/// <summary>
/// Apps read: GET and HEAD anywhere, POST only for <c>[type]/_search</c> with a form body.
/// Everything else, including a write hidden in a method-override header, is a write attempt.
/// </summary>
public static class MethodRule
{
    public const string AllowHeader = "GET, HEAD, POST";

    /// <summary>Headers some frameworks honour to turn a POST or GET into another method.</summary>
    internal static readonly string[] OverrideHeaders = ["X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"];

    /// <summary>Null when allowed, else why it is refused.</summary>
    public static string? Check(string method, FhirTarget target, string? contentType, Func<string, StringValues> header)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(header);
        foreach (var name in OverrideHeaders)
        {
            var values = header(name);
            if (values.Count > 0 && values.Any(v => !string.Equals(v, HttpMethods.Get, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(v, HttpMethods.Head, StringComparison.OrdinalIgnoreCase)))
            {
                return $"{name} is not honoured: this FHIR server is read-only to apps";
            }
        }

        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return null;
        }

        if (HttpMethods.IsPost(method))
        {
            if (target.Interaction != FhirInteraction.Search || !target.RouteTemplate.EndsWith("/_search", StringComparison.Ordinal))
            {
                return target.Interaction == FhirInteraction.Operation
                    ? $"POST to {target.RouteTemplate} is not allowed: operations that change data are not available to apps"
                    : "POST is allowed only for [type]/_search: this FHIR server is read-only to apps";
            }

            return IsForm(contentType) ? null : "POST [type]/_search needs a form body (application/x-www-form-urlencoded)";
        }

        return $"{method} is not allowed: this FHIR server is read-only to apps";
    }

    private static bool IsForm(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim().Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
