using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Providers;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Claims;

/// <summary>Pharmacy claims for the fills of one prescription, one ExplanationOfBenefit per fill.</summary>
internal static class PharmacyClaims
{
    public static void Write(MemberContext context, Drug drug, Clinician prescriber, DateOnly firstFill, int maxFills, SensitivityCategory? label)
    {
        var random = context.Random;
        var fill = firstFill;
        for (var number = 0; number < maxFills && fill <= context.LastServiceDate; number++)
        {
            var ingredientCost = drug.CostPerDay * drug.DaysSupply * random.Decimal(1.05m, 1.35m, 2);
            var charge = Math.Round(ingredientCost + 2.50m, 2);
            ExplanationOfBenefitWriter.Write(context, new ClaimDraft
            {
                Kind = ClaimKind.Pharmacy,
                Start = fill,
                End = fill,
                BillingSite = context.Pharmacy,
                Clinician = prescriber,
                Lines = [new ClaimLine(drug.NdcConcept, null, fill, drug.DaysSupply, charge)],
                CostShare = PharmacyCostShare(charge),
                Drug = drug,
                FillNumber = number,
                Label = label,
            });

            // Members refill a few days early or late, never exactly on schedule.
            fill = fill.AddDays(drug.DaysSupply + random.Between(-4, 6));
        }
    }

    /// <summary>Tiered copays: generics are cheap, brands cost more, specialty drugs pay coinsurance.</summary>
    private static CostShare PharmacyCostShare(decimal charge) => charge switch
    {
        < 40m => new CostShare(0m, 10m, 0m),
        < 400m => new CostShare(0m, 45m, 0m),
        _ => new CostShare(0m, 0m, 0.2m),
    };
}
