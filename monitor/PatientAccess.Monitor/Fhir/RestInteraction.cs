using Hl7.Fhir.Model;

namespace PatientAccess.Monitor.Fhir;

/// <summary>
/// What an app tried, as the BALP subtype (a FHIR restful-interaction code) and action, from the
/// request's method and the gateway's route template. A method that is no FHIR interaction
/// (OPTIONS, TRACE...) has no interaction; its HTTP method is the subtype.
/// </summary>
internal static class RestInteraction
{
    public static (string? Code, AuditEvent.AuditEventAction Action) Of(string method, string? route)
    {
        var r = route ?? string.Empty;
        var operation = r.Contains("/$", StringComparison.Ordinal);
        return method.ToUpperInvariant() switch
        {
            "GET" or "HEAD" => r switch
            {
                "/r4/metadata" => ("capabilities", AuditEvent.AuditEventAction.R),
                "/r4/{type}" or "/r4/{type}/_search" => ("search-type", AuditEvent.AuditEventAction.R),
                "/r4/{type}/{id}" => ("read", AuditEvent.AuditEventAction.R),
                "/r4/{type}/{id}/_history" => ("history-instance", AuditEvent.AuditEventAction.R),
                "/r4/{type}/{id}/_history/{vid}" => ("vread", AuditEvent.AuditEventAction.R),
                _ when operation => ("operation", AuditEvent.AuditEventAction.E),
                _ => (null, AuditEvent.AuditEventAction.R),
            },
            "POST" => r switch
            {
                "/r4/{type}/_search" => ("search-type", AuditEvent.AuditEventAction.R),
                _ when operation => ("operation", AuditEvent.AuditEventAction.E),
                _ => ("create", AuditEvent.AuditEventAction.C),
            },
            "PUT" => ("update", AuditEvent.AuditEventAction.U),
            "PATCH" => ("patch", AuditEvent.AuditEventAction.U),
            "DELETE" => ("delete", AuditEvent.AuditEventAction.D),
            _ => (null, AuditEvent.AuditEventAction.E),
        };
    }
}
