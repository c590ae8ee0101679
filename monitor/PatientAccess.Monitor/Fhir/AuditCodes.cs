namespace PatientAccess.Monitor.Fhir;

/// <summary>The code systems and codes of the IHE Basic Audit Log Patterns (BALP) shape the monitor writes.</summary>
internal static class AuditCodes
{
    public const string AuditEventType = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    public const string RestfulInteraction = "http://hl7.org/fhir/restful-interaction";
    public const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";
    public const string ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public const string RoleClass = "http://terminology.hl7.org/CodeSystem/v3-RoleClass";
    public const string SecuritySourceType = "http://terminology.hl7.org/CodeSystem/security-source-type";
    public const string EntityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    public const string ObjectRole = "http://terminology.hl7.org/CodeSystem/object-role";

    /// <summary>This product's own codes: HTTP methods that are no FHIR interaction, and the authserver's event types.</summary>
    public const string HttpMethod = "urn:patientaccess:http-method";
    public const string AuthServerEvent = "urn:patientaccess:authserver-event";

    /// <summary>Identifier systems of the agents: an app's client_id, a member's account id, a token's jti, a grant.</summary>
    public const string ClientIdSystem = "urn:patientaccess:client-id";
    public const string MemberSystem = "urn:patientaccess:member";
    public const string GrantSystem = "urn:patientaccess:grant";
}
