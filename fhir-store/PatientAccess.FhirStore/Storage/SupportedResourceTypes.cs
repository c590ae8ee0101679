using System.Collections.Frozen;

namespace PatientAccess.FhirStore.Storage;

/// <summary>
/// The resource types the store holds and serves: the payer minimum of the Patient Access
/// API and the clinical set (issue 3). Anything else is refused on import and on read.
/// </summary>
public sealed class SupportedResourceTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "ExplanationOfBenefit", "Coverage", "Organization", "Patient", "Practitioner", "PractitionerRole", "Location",
        "AllergyIntolerance", "Condition", "Observation", "MedicationRequest", "Medication", "Procedure", "Immunization",
        "Encounter", "DiagnosticReport", "DocumentReference", "CarePlan", "Goal", "CareTeam", "Provenance",
    ];

    private readonly FrozenSet<string> _types = All.ToFrozenSet(StringComparer.Ordinal);

    public bool Contains(string type) => _types.Contains(type);
}
