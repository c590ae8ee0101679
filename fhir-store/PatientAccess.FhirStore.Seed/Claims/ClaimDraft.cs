using PatientAccess.FhirStore.Seed.Providers;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Claims;

/// <summary>What a claim is about, before it is adjudicated and written as an ExplanationOfBenefit.</summary>
internal sealed record ClaimDraft
{
    public required ClaimKind Kind { get; init; }

    public required DateOnly Start { get; init; }

    public required DateOnly End { get; init; }

    /// <summary>The billing provider: the facility for institutional and pharmacy claims.</summary>
    public required ProviderSite BillingSite { get; init; }

    /// <summary>The rendering, attending or prescribing clinician.</summary>
    public required Clinician Clinician { get; init; }

    public required IReadOnlyList<ClaimLine> Lines { get; init; }

    public required CostShare CostShare { get; init; }

    public IReadOnlyList<CodedConcept> Diagnoses { get; init; } = [];

    /// <summary>ICD-10-PCS procedures, for inpatient claims.</summary>
    public IReadOnlyList<CodedConcept> Procedures { get; init; } = [];

    public CodedConcept? Drg { get; init; }

    /// <summary>CMS place of service for professional lines (11 office, 21 inpatient, 23 emergency room).</summary>
    public string PlaceOfService { get; init; } = "11";

    public Drug? Drug { get; init; }

    public int FillNumber { get; init; }

    public SensitivityCategory? Label { get; init; }
}
