namespace PatientAccess.FhirStore.Seed.Claims;

/// <summary>Adjudicates lines: contracted discount to the allowed amount, then the member's cost share.</summary>
internal static class ClaimPricing
{
    public static IReadOnlyList<LineAmounts> Adjudicate(IReadOnlyList<ClaimLine> lines, CostShare share, decimal allowedRatio)
    {
        var result = new LineAmounts[lines.Count];
        var deductibleLeft = share.Deductible;
        for (var i = 0; i < lines.Count; i++)
        {
            var submitted = Math.Round(lines[i].Charge, 2);
            var allowed = Math.Round(submitted * allowedRatio, 2, MidpointRounding.ToZero);
            var remaining = allowed;
            var deductible = Math.Min(remaining, deductibleLeft);
            deductibleLeft -= deductible;
            remaining -= deductible;
            var copay = i == 0 ? Math.Min(remaining, share.Copay) : 0m;
            remaining -= copay;
            var coinsurance = Math.Round(remaining * share.CoinsuranceRate, 2, MidpointRounding.ToZero);
            result[i] = new LineAmounts(submitted, allowed, deductible, copay, coinsurance, remaining - coinsurance);
        }

        return result;
    }
}
