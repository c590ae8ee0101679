namespace PatientAccess.FhirStore.Seed.Claims;

/// <summary>How one line was adjudicated, in USD. Paid plus member liability equals allowed, which never exceeds submitted.</summary>
internal sealed record LineAmounts(decimal Submitted, decimal Allowed, decimal Deductible, decimal Copay, decimal Coinsurance, decimal Paid)
{
    public decimal MemberLiability => Deductible + Copay + Coinsurance;

    public decimal Discount => Submitted - Allowed;
}
