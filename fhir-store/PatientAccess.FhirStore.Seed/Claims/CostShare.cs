namespace PatientAccess.FhirStore.Seed.Claims;

/// <summary>
/// The member's share under the plan's benefit for one claim: deductible first, then a copay on the
/// first line, then coinsurance on what remains.
/// </summary>
internal sealed record CostShare(decimal Deductible, decimal Copay, decimal CoinsuranceRate)
{
    public static CostShare None { get; } = new(0m, 0m, 0m);
}
