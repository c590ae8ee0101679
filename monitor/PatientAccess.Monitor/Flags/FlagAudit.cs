using Hl7.Fhir.Model;
using PatientAccess.Monitor.Fhir;
using PatientAccess.Monitor.Storage;
using Task = System.Threading.Tasks.Task;

namespace PatientAccess.Monitor.Flags;

/// <summary>
/// Every flag and every staff decision is also an AuditEvent in the monitor's own store (searchable
/// with <c>agent=&lt;client_id&gt;</c> and <c>subtype=flag.opened</c>, <c>decision.reinstate</c>,
/// <c>decision.revoke</c>): a DICOM Security Alert whose requestor is the monitor (a flag) or the staff
/// member (a decision), with the app as the other agent and the flag as entity.
/// </summary>
internal sealed class FlagAudit(AuditStore store, TimeProvider time)
{
    public const string EventSystem = "urn:patientaccess:monitor-event";
    public const string FlagSystem = "urn:patientaccess:flag";
    public const string StaffSystem = "urn:patientaccess:staff";

    public Task FlagOpenedAsync(FlagRecord flag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var audit = Build("monitor-flag-" + flag.Id.Replace("-", string.Empty, StringComparison.Ordinal), "flag.opened", flag.ClientId,
            AuditEvent.AuditEventOutcome.N0, flag.Explanation, new AuditEvent.AgentComponent
            {
                Type = new CodeableConcept(AuditCodes.Dicom, "110150", "Application"),
                Requestor = true,
                Who = new ResourceReference { Display = "PatientAccess monitor" },
            });
        audit.Entity.Add(Entity(flag, [("detector", flag.Detector), ("action", flag.Action), ("severity", flag.Severity), ("state", flag.State), ("evidence", flag.Evidence)]));
        return StoreAsync(audit, flag.ClientId, "flag.opened", cancellationToken);
    }

    public Task DecisionAsync(string decisionId, string kind, string clientId, string actor, string reason, bool succeeded, string outcome, IReadOnlyList<FlagRecord> flags, CancellationToken cancellationToken)
    {
        var subtype = "decision." + kind;
        var audit = Build("monitor-decision-" + decisionId.Replace("-", string.Empty, StringComparison.Ordinal), subtype, clientId,
            succeeded ? AuditEvent.AuditEventOutcome.N0 : AuditEvent.AuditEventOutcome.N8, $"{kind} by {actor}: {reason} ({outcome})",
            new AuditEvent.AgentComponent
            {
                Type = new CodeableConcept(AuditCodes.ParticipationType, "AUT", "author (originator)"),
                Requestor = true,
                Who = new ResourceReference { Identifier = new Identifier(StaffSystem, actor), Display = actor },
            });
        foreach (var flag in flags)
        {
            audit.Entity.Add(Entity(flag, [("detector", flag.Detector), ("reason", reason)]));
        }

        return StoreAsync(audit, clientId, subtype, cancellationToken);
    }

    private AuditEvent Build(string id, string subtype, string clientId, AuditEvent.AuditEventOutcome outcome, string description, AuditEvent.AgentComponent requestor)
    {
        var audit = new AuditEvent
        {
            Id = id,
            Type = new Coding(AuditCodes.Dicom, "110113", "Security Alert"),
            Action = AuditEvent.AuditEventAction.E,
            Recorded = time.GetUtcNow(),
            Outcome = outcome,
            OutcomeDesc = description.Length > 2000 ? description[..2000] : description,
            Source = new AuditEvent.SourceComponent
            {
                Site = "PatientAccess monitor",
                Observer = new ResourceReference { Display = "monitor@" + Environment.MachineName },
                Type = [new Coding(AuditCodes.SecuritySourceType, "4", "Application Server")],
            },
        };
        audit.Subtype.Add(new Coding(EventSystem, subtype));
        audit.Agent.Add(requestor);
        audit.Agent.Add(new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept(AuditCodes.Dicom, "110153", "Source Role ID"),
            Requestor = false,
            Who = new ResourceReference { Identifier = new Identifier(AuditCodes.ClientIdSystem, clientId), Display = clientId },
        });
        return audit;
    }

    private static AuditEvent.EntityComponent Entity(FlagRecord flag, IEnumerable<(string Name, string Value)> details)
    {
        var entity = new AuditEvent.EntityComponent
        {
            What = new ResourceReference { Identifier = new Identifier(FlagSystem, flag.Id), Display = "review queue flag" },
            Type = new Coding(AuditCodes.EntityType, "2", "System Object"),
            Role = new Coding(AuditCodes.ObjectRole, "13", "Security Resource"),
            Description = flag.Detector,
        };
        foreach (var (name, value) in details)
        {
            entity.Detail.Add(new AuditEvent.DetailComponent { Type = name, Value = new FhirString(value) });
        }

        return entity;
    }

    private async Task StoreAsync(AuditEvent audit, string clientId, string subtype, CancellationToken cancellationToken)
    {
        var row = new AuditRow(audit.Id!, audit.Recorded!.Value.ToUnixTimeMilliseconds(), clientId, null,
            AuditEventMapper.OutcomeCode(audit.Outcome), subtype, null, FhirJson.Serialize(audit));
        await store.StoreAsync([row], [], cancellationToken);
    }
}
