namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>
/// A prescribable product: RxNorm for the clinical order, NDC for the pharmacy claim, and the
/// supply and price a fill usually has.
/// </summary>
internal sealed record Drug(CodedConcept RxNorm, string Ndc, string Dosage, int DaysSupply, decimal CostPerDay)
{
    /// <summary>Id of the shared Medication resource for this product.</summary>
    public string MedicationId => "med-rxnorm-" + RxNorm.Code;

    public CodedConcept NdcConcept => new(CodeSystems.Ndc, Ndc, RxNorm.Display);
}
