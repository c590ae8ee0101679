using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Storage;

namespace PatientAccess.Monitor.Fhir;

/// <summary>
/// A producer's event as a FHIR R4 AuditEvent in the IHE Basic Audit Log Patterns shape: type
/// <c>rest</c> with the restful-interaction subtype for gateway requests (DICOM User Authentication
/// or Security Alert with the authserver's event type for authorization events); outcome and
/// outcomeDesc with the refusal reason; the app as the requesting agent with its client_id and the
/// client's address; the member (<c>Patient/...</c>) where known; the gateway replica as source;
/// the resource type or query shape as entity, with the country, status, token id and request id
/// as its details. <see cref="ToRow"/> (the consumer's path) writes the JSON directly
/// (<see cref="AuditEventJson"/>); <see cref="ToAuditEvent"/> builds the same AuditEvent with
/// Firely's model, the reference the tests hold the direct JSON to.
/// </summary>
internal static class AuditEventMapper
{
    public static AuditRow ToRow(SourceEvent source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (json, outcome, subtype) = AuditEventJson.Write(source);
        return new AuditRow(
            source.Id,
            source.Time.ToUnixTimeMilliseconds(),
            source.ClientId,
            source.Patient,
            outcome,
            subtype,
            source.ClientAddress,
            json);
    }

    /// <summary>The row as Firely's model and serializer make it: the oracle for <see cref="ToRow"/>.</summary>
    public static AuditRow ToFirelyRow(SourceEvent source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var resource = ToAuditEvent(source);
        return new AuditRow(
            source.Id,
            source.Time.ToUnixTimeMilliseconds(),
            source.ClientId,
            source.Patient,
            OutcomeCode(resource.Outcome),
            resource.Subtype.FirstOrDefault()?.Code,
            source.ClientAddress,
            FhirJson.Serialize(resource));
    }

    public static AuditEvent ToAuditEvent(SourceEvent source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Producer == SourceEvent.AuthServer ? FromAuthServer(source) : FromGateway(source);
    }

    public static string OutcomeCode(AuditEvent.AuditEventOutcome? outcome) => outcome switch
    {
        AuditEvent.AuditEventOutcome.N4 => "4",
        AuditEvent.AuditEventOutcome.N8 => "8",
        AuditEvent.AuditEventOutcome.N12 => "12",
        _ => "0",
    };

    private static AuditEvent FromGateway(SourceEvent e)
    {
        var (interaction, action) = RestInteraction.Of(e.Method ?? string.Empty, e.Route);
        var status = e.Status ?? 0;
        var refused = e.Decision == "refuse";
        var outcome = status >= 500 ? AuditEvent.AuditEventOutcome.N8
            : refused || status >= 400 ? AuditEvent.AuditEventOutcome.N4
            : AuditEvent.AuditEventOutcome.N0;
        var audit = new AuditEvent
        {
            Id = e.Id,
            Type = new Coding(AuditCodes.AuditEventType, "rest", "RESTful Operation"),
            Action = action,
            Recorded = e.Time,
            Outcome = outcome,
            OutcomeDesc = refused
                ? string.Create(CultureInfo.InvariantCulture, $"refused: {e.Reason ?? "unspecified"} (HTTP {status})")
                : string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"),
            Source = new AuditEvent.SourceComponent
            {
                Site = "PatientAccess gateway",
                Observer = new ResourceReference { Display = e.Replica ?? "gateway" },
                Type = [new Coding(AuditCodes.SecuritySourceType, "3", "Web Server")],
            },
        };
        audit.Subtype.Add(interaction is null
            ? new Coding(AuditCodes.HttpMethod, e.Method!.ToUpperInvariant())
            : new Coding(AuditCodes.RestfulInteraction, interaction));
        audit.Agent.Add(AppAgent(e));
        if (PatientAgent(e) is { } member)
        {
            audit.Agent.Add(member);
        }

        if (e.Patient is { } patient)
        {
            audit.Entity.Add(new AuditEvent.EntityComponent
            {
                What = new ResourceReference("Patient/" + patient),
                Type = new Coding(AuditCodes.EntityType, "1", "Person"),
                Role = new Coding(AuditCodes.ObjectRole, "1", "Patient"),
            });
        }

        audit.Entity.Add(TargetEntity(e, interaction));
        return audit;
    }

    private static AuditEvent FromAuthServer(SourceEvent e)
    {
        var failure = e.Type is "grant.denied" or "code.reused" or "refresh_token.reused" or "client.authentication_failed" or "client.authentication_throttled";
        var alert = e.Type is "code.reused" or "refresh_token.reused" or "client.authentication_throttled";
        var audit = new AuditEvent
        {
            Id = e.Id,
            Type = alert ? new Coding(AuditCodes.Dicom, "110113", "Security Alert") : new Coding(AuditCodes.Dicom, "110114", "User Authentication"),
            Action = AuditEvent.AuditEventAction.E,
            Recorded = e.Time,
            Outcome = failure ? AuditEvent.AuditEventOutcome.N4 : AuditEvent.AuditEventOutcome.N0,
            OutcomeDesc = e.Reason is { } detail ? $"{e.Type}: {detail}" : e.Type,
            Source = new AuditEvent.SourceComponent
            {
                Site = "PatientAccess authserver",
                Observer = new ResourceReference { Display = "authserver" },
                Type = [new Coding(AuditCodes.SecuritySourceType, "6", "Security Server")],
            },
        };
        audit.Subtype.Add(new Coding(AuditCodes.AuthServerEvent, e.Type));
        audit.Agent.Add(AppAgent(e));
        if (PatientAgent(e) is { } member)
        {
            audit.Agent.Add(member);
        }

        if (e.GrantId is { } grant)
        {
            audit.Entity.Add(new AuditEvent.EntityComponent
            {
                What = new ResourceReference { Identifier = new Identifier(AuditCodes.GrantSystem, grant), Display = "authorization grant" },
                Type = new Coding(AuditCodes.EntityType, "2", "System Object"),
                Role = new Coding(AuditCodes.ObjectRole, "13", "Security Resource"),
            });
        }

        return audit;
    }

    /// <summary>The requesting app: by client_id when a validated token or the authserver named it; else the address alone.</summary>
    private static AuditEvent.AgentComponent AppAgent(SourceEvent e)
    {
        var agent = new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept(AuditCodes.Dicom, "110153", "Source Role ID"),
            Requestor = true,
            Who = e.ClientId is { } client
                ? new ResourceReference { Identifier = new Identifier(AuditCodes.ClientIdSystem, client), Display = client }
                : new ResourceReference { Display = "unidentified client (no valid token)" },
        };
        if (e.ClientAddress is { } address)
        {
            agent.Network = new AuditEvent.NetworkComponent
            {
                Address = address,
                Type = AuditEvent.AuditEventAgentNetworkType.N2,
            };
        }

        return agent;
    }

    private static AuditEvent.AgentComponent? PatientAgent(SourceEvent e)
    {
        if (e.Patient is null && e.Member is null)
        {
            return null;
        }

        return new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept(AuditCodes.RoleClass, "PAT", "patient"),
            Requestor = false,
            Who = e.Patient is { } patient
                ? new ResourceReference("Patient/" + patient) { Identifier = e.Member is { } m ? new Identifier(AuditCodes.MemberSystem, m) : null }
                : new ResourceReference { Identifier = new Identifier(AuditCodes.MemberSystem, e.Member) },
        };
    }

    /// <summary>The resource or query the request addressed, carrying the request's details (sev-1: a name or a query, never both).</summary>
    private static AuditEvent.EntityComponent TargetEntity(SourceEvent e, string? interaction)
    {
        var type = e.ResourceType;
        var entity = new AuditEvent.EntityComponent
        {
            Type = new Coding(AuditCodes.EntityType, "2", "System Object"),
        };
        if (interaction == "search-type" && type is not null)
        {
            var shape = e.QueryShape ?? string.Empty;
            entity.Role = new Coding(AuditCodes.ObjectRole, "24", "Query");
            entity.Query = Encoding.UTF8.GetBytes(shape.Length == 0 ? type : $"{type}?{shape.Replace(',', '&')}");
            entity.Description = shape.Length == 0 ? $"search of {type}" : $"search of {type} by {shape}";
        }
        else
        {
            entity.Role = new Coding(AuditCodes.ObjectRole, "4", "Domain Resource");
            entity.Name = type ?? e.Route ?? "(none)";
            entity.Description = e.Route;
        }

        AddDetail(entity, "client-country", e.Country);
        AddDetail(entity, "http-status", e.Status?.ToString(CultureInfo.InvariantCulture));
        AddDetail(entity, "decision", e.Decision);
        AddDetail(entity, "reason", e.Reason);
        AddDetail(entity, "token-id", e.TokenId);
        AddDetail(entity, "request-id", e.RequestId);
        AddDetail(entity, "route", e.Route);
        AddDetail(entity, "query-shape", string.IsNullOrEmpty(e.QueryShape) ? null : e.QueryShape);
        AddDetail(entity, "bytes", e.Bytes?.ToString(CultureInfo.InvariantCulture));
        AddDetail(entity, "duration-ms", e.DurationMilliseconds?.ToString(CultureInfo.InvariantCulture));
        return entity;
    }

    private static void AddDetail(AuditEvent.EntityComponent entity, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            entity.Detail.Add(new AuditEvent.DetailComponent { Type = name, Value = new FhirString(value) });
        }
    }
}
