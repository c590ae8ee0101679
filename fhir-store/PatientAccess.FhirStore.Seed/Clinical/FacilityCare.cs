using PatientAccess.FhirStore.Seed.Claims;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Providers;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>
/// Hospital care: inpatient stays and emergency or outpatient visits, each with the facility's
/// institutional claim and the physician's professional claim, as a payer receives them.
/// </summary>
internal static class FacilityCare
{
    private static readonly int[] StartMinutes = [0, 20, 40];
    private static readonly decimal[] InpatientDeductibles = [0m, 250m, 500m];
    private static readonly decimal[] OutpatientDeductibles = [0m, 200m];

    public static void Write(MemberContext context, IReadOnlyList<ChronicProblem> problems)
    {
        var episodes = context.Member.Script?.Facility ?? Draw(context);
        foreach (var episode in episodes)
        {
            Write(context, episode, problems);
        }
    }

    private static List<FacilityEpisode> Draw(MemberContext context)
    {
        var random = context.Random;
        var episodes = new List<FacilityEpisode>();
        var inpatientChance = context.Age switch
        {
            < 18 => 0.01,
            < 45 => 0.02,
            < 65 => 0.05,
            _ => 0.10,
        };
        var stays = FacilityEpisodes.InpatientStays.Where(e => context.Age >= e.MinimumAge).ToArray();
        if (stays.Length > 0 && random.Chance(inpatientChance))
        {
            episodes.Add(random.Pick(stays));
        }

        var visits = FacilityEpisodes.OutpatientVisits.Where(e => context.Age >= e.MinimumAge).ToArray();
        var outpatient = random.Chance(0.3) ? (random.Chance(0.25) ? 2 : 1) : 0;
        for (var i = 0; i < outpatient && visits.Length > 0; i++)
        {
            episodes.Add(random.Pick(visits));
        }

        return episodes;
    }

    private static void Write(MemberContext context, FacilityEpisode episode, IReadOnlyList<ChronicProblem> problems)
    {
        var random = context.Random;
        var hospital = context.Hospital;
        var days = episode.Inpatient ? random.Between(episode.MinimumDays, episode.MaximumDays) : 0;
        var latestStart = context.LastServiceDate.AddDays(-days);
        var admit = random.DateBetween(context.HistoryStart < latestStart ? context.HistoryStart : latestStart, latestStart);
        var discharge = admit.AddDays(days);
        var specialty = Specialty(episode);
        var clinician = context.Providers.PickAt(specialty, hospital, random);

        var existing = problems.FirstOrDefault(p => p.Condition.Diagnosis == episode.Diagnosis)?.Reference;
        var screening = episode.Diagnosis.Code.StartsWith('Z');
        var condition = existing ?? (screening ? null : ConditionWriter.Resolved(context, episode.Diagnosis, admit, clinician, null));

        var start = Json.Fhir.At(admit, episode.Emergency ? random.Between(0, 23) : 12, random.Pick(StartMinutes));
        var end = episode.Inpatient ? Json.Fhir.At(discharge, 16, 0) : start.AddHours(random.Between(2, 6));
        var encounterClass = episode.Inpatient ? EncounterClass.Inpatient : episode.Emergency ? EncounterClass.Emergency : EncounterClass.Ambulatory;
        var visit = EncounterWriter.Write(context, encounterClass, episode.PhysicianService.Code, clinician, hospital, start, end, episode.Diagnosis, condition, null);

        if (episode.ProcedureCode is not null)
        {
            ProcedureWriter.Write(context, visit, episode.ProcedureCode, condition, random.Between(45, 150));
        }
        else if (!episode.Emergency)
        {
            ProcedureWriter.Write(context, visit, episode.PhysicianService.Code, condition, random.Between(20, 60));
        }

        if (episode.Inpatient)
        {
            DocumentWriter.Write(context, visit, DocumentWriter.DischargeSummary, episode.Diagnosis.Display + "; " + episode.ProcedureCode!.Display + ".");
        }

        var diagnoses = new List<CodedConcept> { episode.Diagnosis };
        diagnoses.AddRange(problems.Select(p => p.Condition.Diagnosis).Where(d => d != episode.Diagnosis).Take(2));
        var lines = episode.Lines
            .Select(l => new ClaimLine(
                l.Service?.Code, l.Revenue, admit, l.PerDay ? Math.Max(days, 1) : 1,
                Math.Round(l.Charge * (l.PerDay ? Math.Max(days, 1) : 1) * random.Decimal(0.9m, 1.25m, 2), 2)))
            .ToArray();
        ExplanationOfBenefitWriter.Write(context, new ClaimDraft
        {
            Kind = episode.Inpatient ? ClaimKind.InpatientInstitutional : ClaimKind.OutpatientInstitutional,
            Start = admit,
            End = discharge,
            BillingSite = hospital,
            Clinician = clinician,
            Lines = lines,
            CostShare = episode.Inpatient ? new CostShare(random.Pick(InpatientDeductibles), 0m, 0.1m)
                : episode.Emergency ? new CostShare(0m, 150m, 0m) : new CostShare(random.Pick(OutpatientDeductibles), 0m, 0.2m),
            Diagnoses = diagnoses,
            Procedures = episode.ProcedureCode is null ? [] : [episode.ProcedureCode],
            Drg = episode.Drg,
        });

        var physician = new List<(BillableService, decimal)> { (episode.PhysicianService, 1m) };
        if (episode.Inpatient && days > 1)
        {
            physician.Add((Services.SubsequentHospitalCare, days - 1));
        }

        ProfessionalClaims.Write(
            context, visit, physician, diagnoses,
            episode.Inpatient ? ProfessionalClaims.Hospital : ProfessionalClaims.Emergency,
            episode.Inpatient ? "21" : episode.Emergency ? "23" : "22");
    }

    private static Specialty Specialty(FacilityEpisode episode) => episode.Diagnosis.Code switch
    {
        "M17.11" => Specialties.Orthopedics,
        "K35.80" => Specialties.Surgery,
        "I21.4" => Specialties.Cardiology,
        "Z12.11" => Specialties.Gastroenterology,
        "M54.50" => Specialties.Radiology,
        "J18.9" => Specialties.InternalMedicine,
        _ => Specialties.EmergencyMedicine,
    };
}
