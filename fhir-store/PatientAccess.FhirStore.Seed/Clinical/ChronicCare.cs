using PatientAccess.FhirStore.Seed.Claims;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>Long-standing problems: the Condition, the maintenance prescription, and its pharmacy fills.</summary>
internal static class ChronicCare
{
    public static IReadOnlyList<ChronicProblem> Write(MemberContext context)
    {
        var random = context.Random;
        var chosen = context.Member.Script?.Chronic ?? Draw(context);
        var problems = new List<ChronicProblem>();
        foreach (var condition in chosen)
        {
            var earliest = context.Member.BirthDate.AddYears(condition.MinimumAge);
            var onset = context.HistoryStart.AddDays(-random.Next(3650));
            if (onset < earliest)
            {
                onset = earliest < context.LastServiceDate ? earliest : context.LastServiceDate;
            }

            var reference = ConditionWriter.Problem(context, condition.Diagnosis, onset, context.PrimaryCare, null);
            var drug = condition.Treatments.Count == 0 ? null
                : context.Member.Script is null ? random.Pick(condition.Treatments) : condition.Treatments[0];
            if (drug is not null)
            {
                var authored = onset > context.HistoryStart ? onset : context.HistoryStart.AddDays(random.Next(45));
                MedicationRequestWriter.Write(context, drug, authored, context.PrimaryCare, reference, null, true, 3, null);
                PharmacyClaims.Write(context, drug, context.PrimaryCare, context.ServiceDateAfter(authored.AddDays(random.Next(5))), 12, null);
            }

            problems.Add(new ChronicProblem(condition, reference, drug));
        }

        return problems;
    }

    private static List<ChronicCondition> Draw(MemberContext context)
    {
        var ageFactor = context.Age switch
        {
            >= 60 => 1.8,
            >= 40 => 1.0,
            _ => 0.4,
        };
        var chosen = new List<ChronicCondition>();
        foreach (var condition in ChronicConditions.All)
        {
            var factor = condition == ChronicConditions.Asthma ? 1.0 : ageFactor;
            if (context.Age >= condition.MinimumAge && context.Random.Chance(condition.Prevalence * factor))
            {
                chosen.Add(condition);
            }
        }

        return chosen;
    }
}
