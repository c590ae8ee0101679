namespace PatientAccess.AuthServer.Tokens;

/// <summary>
/// A member's consent for one app: the code, and every access and refresh token that
/// descends from it, belong to one grant (the "token family" of RFC 9700 §4.14.2).
/// </summary>
internal sealed class GrantRecord
{
    public required string GrantId { get; set; }

    public required string ClientId { get; set; }

    public required string MemberAccountId { get; set; }

    /// <summary>The FHIR Patient id in context (SMART <c>patient</c>).</summary>
    public required string PatientId { get; set; }

    /// <summary>The FHIR resource of the person who signed in, for example <c>Patient/123</c> or <c>RelatedPerson/7</c>.</summary>
    public required string FhirUser { get; set; }

    public required string Scope { get; set; }

    /// <summary>HL7 v3 ActCode codes of the sensitive categories the member opted in to share.</summary>
    public List<string> SensitiveCategories { get; set; } = [];

    public long CreatedAt { get; set; }

    public long? RevokedAt { get; set; }
}
