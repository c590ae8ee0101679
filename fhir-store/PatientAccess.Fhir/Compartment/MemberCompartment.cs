using System.Collections.Frozen;

namespace PatientAccess.Fhir.Compartment;

/// <summary>
/// Which resources are a member's own record, for the Patient Access API: a resource belongs to
/// a patient's compartment only through the search parameters that name the record's subject
/// (patient, subject, beneficiary), never through the roles the official Patient
/// CompartmentDefinition also lists (performer, asserter, author, recorder, participant, payee,
/// payor, subscriber, policy-holder, link). Each listed parameter is one of the official ones
/// for its type or its subject "kin" (the same element, such as <c>subject</c> beside
/// <c>patient</c>); <c>docs/compartment.md</c> gives the table and the reason for every exclusion.
/// </summary>
/// <remarks>
/// Why not the official definition: it answers "which records mention this patient", which is
/// right for a clinician's chart search but not for an API that shows a member their own data. A
/// member who is a practitioner, a caregiver or a policy subscriber is named as performer,
/// participant or subscriber on other members' records; through the official compartment they
/// would read those records as their own. A Patient is in its own compartment by id only.
/// </remarks>
public sealed class MemberCompartment
{
    private readonly FrozenDictionary<string, string[]> subjectParameters = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["AllergyIntolerance"] = ["patient"],
        ["CarePlan"] = ["patient", "subject"],
        ["CareTeam"] = ["patient", "subject"],
        ["Condition"] = ["patient", "subject"],
        ["Coverage"] = ["beneficiary"],
        ["DiagnosticReport"] = ["subject", "patient"],
        ["DocumentReference"] = ["subject", "patient"],
        ["Encounter"] = ["subject", "patient"],
        ["ExplanationOfBenefit"] = ["patient"],
        ["Goal"] = ["patient", "subject"],
        ["Immunization"] = ["patient"],
        ["MedicationRequest"] = ["subject", "patient"],
        ["Observation"] = ["subject", "patient"],
        ["Procedure"] = ["patient", "subject"],
        ["Provenance"] = ["patient"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The table above.</summary>
    public static MemberCompartment Default { get; } = new();

    /// <summary>Every resource type that can be in a member's compartment (besides Patient itself, by id).</summary>
    public IEnumerable<string> ResourceTypes => subjectParameters.Keys;

    /// <summary>
    /// The search parameter codes whose reference to a Patient makes a resource of
    /// <paramref name="resourceType"/> that patient's own record; empty when none does.
    /// </summary>
    public IReadOnlyList<string> GetSubjectParameters(string resourceType) =>
        subjectParameters.TryGetValue(resourceType, out var parameters) ? parameters : [];
}
