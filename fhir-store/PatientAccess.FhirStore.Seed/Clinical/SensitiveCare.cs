using PatientAccess.FhirStore.Seed.Claims;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>
/// Sensitive courses of care. Everything an episode produces (condition, encounters, results,
/// notes, orders, claims) carries the episode's label, because leaving one trace unlabeled
/// would disclose the rest.
/// </summary>
internal static class SensitiveCare
{
    private static readonly CodedConcept HivScreenResult = new(CodeSystems.Loinc, "75622-1", "HIV 1 and 2 Ag+Ab [Presence] in Serum or Plasma by Immunoassay");
    private static readonly CodedConcept ChlamydiaResult = new(CodeSystems.Loinc, "21613-5", "Chlamydia trachomatis DNA [Presence] in Specimen by NAA with probe detection");

    public static void Write(MemberContext context)
    {
        var episodes = context.Member.Script?.Sensitive ?? Draw(context);
        foreach (var episode in episodes)
        {
            Write(context, episode);
        }
    }

    private static List<SensitiveEpisode> Draw(MemberContext context)
    {
        var chosen = new List<SensitiveEpisode>();
        foreach (var episode in SensitiveEpisodes.All)
        {
            var fits = context.Age >= episode.MinimumAge && context.Age <= episode.MaximumAge
                && (episode.Gender is null || episode.Gender == context.Member.Gender);
            if (fits && context.Random.Chance(episode.Prevalence))
            {
                chosen.Add(episode);
            }
        }

        return chosen;
    }

    private static void Write(MemberContext context, SensitiveEpisode episode)
    {
        var random = context.Random;
        var label = episode.Category;
        var clinician = context.Providers.Pick(episode.Specialty, random);
        var windowDays = context.LastServiceDate.DayNumber - context.HistoryStart.DayNumber;
        var first = context.HistoryStart.AddDays(random.Next((windowDays / 2) + 1));
        var condition = episode.Resolves
            ? ConditionWriter.Resolved(context, episode.Diagnosis, first, clinician, label)
            : ConditionWriter.Problem(context, episode.Diagnosis, first, clinician, label);

        var visits = episode.MaximumVisits == 1 ? 1 : random.Between(2, episode.MaximumVisits);
        var date = first;
        for (var i = 0; i < visits && date <= context.LastServiceDate; i++)
        {
            var services = i == 0 || episode.FollowUp is null ? episode.FirstVisit : [episode.FollowUp];
            var start = episode.Emergency ? Json.Fhir.At(date, random.Between(0, 23), 10) : context.OfficeHours(date);
            var visit = EncounterWriter.Write(
                context, episode.Emergency ? EncounterClass.Emergency : EncounterClass.Ambulatory, services[0].Code, clinician, clinician.Site,
                start, start.AddMinutes(episode.Emergency ? 180 : 50), episode.Diagnosis, condition, label);
            var billed = new List<BillableService>(services);
            Results(context, episode, visit, i, visits, billed);
            if (i > 0 && episode.FollowUp is not null)
            {
                ProcedureWriter.Write(context, visit, episode.FollowUp.Code, condition, 45);
            }

            if (i == 0 && (episode.Category == SensitivityCategory.Genetics || episode.Category == SensitivityCategory.DomesticViolence || random.Chance(0.3)))
            {
                DocumentWriter.Write(context, visit, episode.Emergency ? DocumentWriter.ProgressNote : DocumentWriter.ConsultNote, episode.Diagnosis.Display + ".");
            }

            ProfessionalClaims.Write(
                context, visit, ProfessionalClaims.Once(billed), [episode.Diagnosis],
                episode.Emergency ? ProfessionalClaims.Emergency : ProfessionalClaims.Specialist, episode.Emergency ? "23" : "11");

            if (i == 0 && episode.Treatment is { } drug)
            {
                MedicationRequestWriter.Write(context, drug, date, clinician, condition, visit.Reference, !episode.Resolves, episode.Resolves ? 0 : 5, label);
                PharmacyClaims.Write(context, drug, clinician, date, episode.Resolves ? 1 : random.Between(2, 6), label);
            }

            date = date.AddDays(random.Between(14, 45));
        }
    }

    private static void Results(MemberContext context, SensitiveEpisode episode, Visit visit, int index, int visits, List<BillableService> billed)
    {
        if (index == 0 && episode.Category == SensitivityCategory.Hiv)
        {
            LabResultWriter.Qualitative(context, visit, HivScreenResult, detected: true);
        }

        if (index == 0 && episode.Category == SensitivityCategory.SexuallyTransmittedDisease)
        {
            LabResultWriter.Qualitative(context, visit, ChlamydiaResult, detected: episode.Diagnosis == Diagnoses.Chlamydia);
        }

        if (episode.Monitoring is { } panel && (index == 0 || index == visits - 1))
        {
            LabResultWriter.Write(context, visit, panel);
            if (!billed.Contains(panel.Service))
            {
                billed.Add(panel.Service);
            }
        }
    }
}
