using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PatientAccess.Monitor.Events;

namespace PatientAccess.Monitor.Fhir;

/// <summary>
/// Writes a producer's event as FHIR R4 AuditEvent JSON straight onto a <see cref="Utf8JsonWriter"/>,
/// in exactly the IHE BALP shape <see cref="AuditEventMapper.ToAuditEvent"/> builds with Firely's
/// model and the bytes Firely's serializer would write for it (element order, codes, the instant's
/// format, the default escaping). Building the POCOs and serializing them cost about 100 µs of the
/// 117 µs an event took to store; this costs a few µs. Firely stays the oracle: the tests read this
/// JSON with Firely's strict deserializer and compare it with the model's, for every kind of event.
/// </summary>
internal static class AuditEventJson
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The AuditEvent JSON, its outcome code (0/4/8) and its subtype code, as the search columns hold them.</summary>
    public static (string Json, string Outcome, string Subtype) Write(SourceEvent source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        var (outcome, subtype) = source.Producer == SourceEvent.AuthServer ? WriteAuthServer(writer, source) : WriteGateway(writer, source);
        writer.Flush();
        return (Encoding.UTF8.GetString(buffer.WrittenSpan), outcome, subtype);
    }

    /// <summary>Firely's format for an instant: seconds, then as many fraction digits as needed, then the offset.</summary>
    public static string Instant(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture);

    private static (string Outcome, string Subtype) WriteGateway(Utf8JsonWriter w, SourceEvent e)
    {
        var (interaction, action) = RestInteraction.Of(e.Method ?? string.Empty, e.Route);
        var status = e.Status ?? 0;
        var refused = e.Decision == "refuse";
        var outcome = status >= 500 ? "8" : refused || status >= 400 ? "4" : "0";
        var subtype = interaction ?? e.Method!.ToUpperInvariant();
        w.WriteStartObject();
        w.WriteString("resourceType", "AuditEvent");
        w.WriteString("id", e.Id);
        Coding(w, "type", AuditCodes.AuditEventType, "rest", "RESTful Operation");
        w.WriteStartArray("subtype");
        Coding(w, null, interaction is null ? AuditCodes.HttpMethod : AuditCodes.RestfulInteraction, subtype, null);
        w.WriteEndArray();
        w.WriteString("action", ActionCode(action));
        w.WriteString("recorded", Instant(e.Time));
        w.WriteString("outcome", outcome);
        w.WriteString("outcomeDesc", refused
            ? string.Create(CultureInfo.InvariantCulture, $"refused: {e.Reason ?? "unspecified"} (HTTP {status})")
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"));
        w.WriteStartArray("agent");
        AppAgent(w, e);
        PatientAgent(w, e);
        w.WriteEndArray();
        Source(w, "PatientAccess gateway", e.Replica ?? "gateway", "3", "Web Server");
        w.WriteStartArray("entity");
        if (e.Patient is { } patient)
        {
            w.WriteStartObject();
            w.WriteStartObject("what");
            w.WriteString("reference", "Patient/" + patient);
            w.WriteEndObject();
            Coding(w, "type", AuditCodes.EntityType, "1", "Person");
            Coding(w, "role", AuditCodes.ObjectRole, "1", "Patient");
            w.WriteEndObject();
        }

        TargetEntity(w, e, interaction);
        w.WriteEndArray();
        w.WriteEndObject();
        return (outcome, subtype);
    }

    private static (string Outcome, string Subtype) WriteAuthServer(Utf8JsonWriter w, SourceEvent e)
    {
        var failure = e.Type is "grant.denied" or "code.reused" or "refresh_token.reused" or "client.authentication_failed" or "client.authentication_throttled";
        var alert = e.Type is "code.reused" or "refresh_token.reused" or "client.authentication_throttled";
        var outcome = failure ? "4" : "0";
        w.WriteStartObject();
        w.WriteString("resourceType", "AuditEvent");
        w.WriteString("id", e.Id);
        if (alert)
        {
            Coding(w, "type", AuditCodes.Dicom, "110113", "Security Alert");
        }
        else
        {
            Coding(w, "type", AuditCodes.Dicom, "110114", "User Authentication");
        }

        w.WriteStartArray("subtype");
        Coding(w, null, AuditCodes.AuthServerEvent, e.Type, null);
        w.WriteEndArray();
        w.WriteString("action", "E");
        w.WriteString("recorded", Instant(e.Time));
        w.WriteString("outcome", outcome);
        w.WriteString("outcomeDesc", e.Reason is { } detail ? $"{e.Type}: {detail}" : e.Type);
        w.WriteStartArray("agent");
        AppAgent(w, e);
        PatientAgent(w, e);
        w.WriteEndArray();
        Source(w, "PatientAccess authserver", "authserver", "6", "Security Server");
        if (e.GrantId is { } grant)
        {
            w.WriteStartArray("entity");
            w.WriteStartObject();
            w.WriteStartObject("what");
            Identifier(w, AuditCodes.GrantSystem, grant);
            w.WriteString("display", "authorization grant");
            w.WriteEndObject();
            Coding(w, "type", AuditCodes.EntityType, "2", "System Object");
            Coding(w, "role", AuditCodes.ObjectRole, "13", "Security Resource");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
        return (outcome, e.Type);
    }

    private static void AppAgent(Utf8JsonWriter w, SourceEvent e)
    {
        w.WriteStartObject();
        Concept(w, AuditCodes.Dicom, "110153", "Source Role ID");
        w.WriteStartObject("who");
        if (e.ClientId is { } client)
        {
            Identifier(w, AuditCodes.ClientIdSystem, client);
            w.WriteString("display", client);
        }
        else
        {
            w.WriteString("display", "unidentified client (no valid token)");
        }

        w.WriteEndObject();
        w.WriteBoolean("requestor", true);
        if (e.ClientAddress is { } address)
        {
            w.WriteStartObject("network");
            w.WriteString("address", address);
            w.WriteString("type", "2");
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void PatientAgent(Utf8JsonWriter w, SourceEvent e)
    {
        if (e.Patient is null && e.Member is null)
        {
            return;
        }

        w.WriteStartObject();
        Concept(w, AuditCodes.RoleClass, "PAT", "patient");
        w.WriteStartObject("who");
        if (e.Patient is { } patient)
        {
            w.WriteString("reference", "Patient/" + patient);
        }

        if (e.Member is { } member)
        {
            Identifier(w, AuditCodes.MemberSystem, member);
        }

        w.WriteEndObject();
        w.WriteBoolean("requestor", false);
        w.WriteEndObject();
    }

    private static void Source(Utf8JsonWriter w, string site, string observer, string code, string display)
    {
        w.WriteStartObject("source");
        w.WriteString("site", site);
        w.WriteStartObject("observer");
        w.WriteString("display", observer);
        w.WriteEndObject();
        w.WriteStartArray("type");
        Coding(w, null, AuditCodes.SecuritySourceType, code, display);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The resource or query the request addressed (sev-1: a name or a query, never both), with the request's details.</summary>
    private static void TargetEntity(Utf8JsonWriter w, SourceEvent e, string? interaction)
    {
        var type = e.ResourceType;
        w.WriteStartObject();
        Coding(w, "type", AuditCodes.EntityType, "2", "System Object");
        if (interaction == "search-type" && type is not null)
        {
            var shape = e.QueryShape ?? string.Empty;
            Coding(w, "role", AuditCodes.ObjectRole, "24", "Query");
            w.WriteString("description", shape.Length == 0 ? $"search of {type}" : $"search of {type} by {shape}");
            w.WriteBase64String("query", Encoding.UTF8.GetBytes(shape.Length == 0 ? type : $"{type}?{shape.Replace(',', '&')}"));
        }
        else
        {
            Coding(w, "role", AuditCodes.ObjectRole, "4", "Domain Resource");
            w.WriteString("name", type ?? e.Route ?? "(none)");
            if (e.Route is { } route)
            {
                w.WriteString("description", route);
            }
        }

        var details = false;
        Detail(w, ref details, "client-country", e.Country);
        Detail(w, ref details, "http-status", e.Status?.ToString(CultureInfo.InvariantCulture));
        Detail(w, ref details, "decision", e.Decision);
        Detail(w, ref details, "reason", e.Reason);
        Detail(w, ref details, "token-id", e.TokenId);
        Detail(w, ref details, "request-id", e.RequestId);
        Detail(w, ref details, "route", e.Route);
        Detail(w, ref details, "query-shape", e.QueryShape);
        Detail(w, ref details, "bytes", e.Bytes?.ToString(CultureInfo.InvariantCulture));
        Detail(w, ref details, "duration-ms", e.DurationMilliseconds?.ToString(CultureInfo.InvariantCulture));
        if (details)
        {
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Detail(Utf8JsonWriter w, ref bool started, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (!started)
        {
            w.WriteStartArray("detail");
            started = true;
        }

        w.WriteStartObject();
        w.WriteString("type", name);
        w.WriteString("valueString", value);
        w.WriteEndObject();
    }

    private static void Coding(Utf8JsonWriter w, string? property, string system, string code, string? display)
    {
        if (property is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(property);
        }

        w.WriteString("system", system);
        w.WriteString("code", code);
        if (display is not null)
        {
            w.WriteString("display", display);
        }

        w.WriteEndObject();
    }

    /// <summary>As Firely's <c>new CodeableConcept(system, code, text)</c> makes it: the words go to <c>text</c>, not the coding's display.</summary>
    private static void Concept(Utf8JsonWriter w, string system, string code, string text)
    {
        w.WriteStartObject("type");
        w.WriteStartArray("coding");
        Coding(w, null, system, code, null);
        w.WriteEndArray();
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static void Identifier(Utf8JsonWriter w, string system, string value)
    {
        w.WriteStartObject("identifier");
        w.WriteString("system", system);
        w.WriteString("value", value);
        w.WriteEndObject();
    }

    private static string ActionCode(Hl7.Fhir.Model.AuditEvent.AuditEventAction action) => action switch
    {
        Hl7.Fhir.Model.AuditEvent.AuditEventAction.C => "C",
        Hl7.Fhir.Model.AuditEvent.AuditEventAction.R => "R",
        Hl7.Fhir.Model.AuditEvent.AuditEventAction.U => "U",
        Hl7.Fhir.Model.AuditEvent.AuditEventAction.D => "D",
        _ => "E",
    };
}
