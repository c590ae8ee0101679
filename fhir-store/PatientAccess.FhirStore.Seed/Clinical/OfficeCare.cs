using PatientAccess.FhirStore.Seed.Claims;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Providers;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>Office visits: yearly check-ups, chronic follow-ups and sick visits, each with vitals, orders and a claim.</summary>
internal static class OfficeCare
{
    public static void Write(MemberContext context, IReadOnlyList<ChronicProblem> problems, bool thorough)
    {
        var hypertensive = problems.Any(p => p.Condition == ChronicConditions.Hypertension);
        for (var year = context.HistoryStart.Year; year <= context.LastServiceDate.Year; year++)
        {
            var first = new DateOnly(year, 1, 1) > context.HistoryStart ? new DateOnly(year, 1, 1) : context.HistoryStart;
            var last = new DateOnly(year, 12, 31) < context.LastServiceDate ? new DateOnly(year, 12, 31) : context.LastServiceDate;
            if (first <= last && (thorough || context.Random.Chance(0.7)))
            {
                Preventive(context, context.Random.DateBetween(first, last), hypertensive);
            }
        }

        foreach (var problem in problems.Take(3))
        {
            var visits = thorough ? 2 : context.Random.Between(1, 2);
            for (var i = 0; i < visits; i++)
            {
                FollowUp(context, problem, hypertensive, thorough && i == 0);
            }
        }

        // About one sick visit a year: a member's history covers several years.
        var years = Math.Max(1, (context.LastServiceDate.DayNumber - context.HistoryStart.DayNumber) / 365);
        var sick = thorough ? 1 : context.Random.Next((2 * years) + 1);
        for (var i = 0; i < sick; i++)
        {
            Sick(context, hypertensive, thorough);
        }
    }

    private static void Preventive(MemberContext context, DateOnly date, bool hypertensive)
    {
        var age = context.Member.AgeOn(date);
        var service = age switch
        {
            < 5 => Services.PreventiveToddler,
            < 12 => Services.PreventiveChild,
            < 18 => Services.PreventiveAdolescent,
            < 40 => Services.PreventiveYoungAdult,
            < 65 => Services.PreventiveAdult,
            _ => Services.PreventiveSenior,
        };
        var diagnosis = age < 18 ? Diagnoses.ChildExam : Diagnoses.AdultExam;
        var visit = Open(context, context.PrimaryCare, date, service.Code, diagnosis, null);
        VitalSignsWriter.Write(context, visit, hypertensive);
        var services = new List<BillableService> { service };
        if (age >= 18)
        {
            services.Add(Services.Venipuncture);
            foreach (var panel in age >= 30 ? new[] { LabPanels.Metabolic, LabPanels.Lipids } : new[] { LabPanels.BloodCount })
            {
                LabResultWriter.Write(context, visit, panel);
                services.Add(panel.Service);
            }
        }

        ProfessionalClaims.Write(context, visit, ProfessionalClaims.Once(services), [diagnosis], ProfessionalClaims.Preventive, "11");
    }

    private static void FollowUp(MemberContext context, ChronicProblem problem, bool hypertensive, bool withNote)
    {
        var specialty = problem.Condition.Diagnosis.Code switch
        {
            "M17.11" => Specialties.Orthopedics,
            "I25.10" => Specialties.Cardiology,
            _ => null,
        };
        var clinician = specialty is null ? context.PrimaryCare : context.Providers.Pick(specialty, context.Random);
        if (specialty is not null)
        {
            context.Specialists.Add(clinician);
        }

        var visit = Open(context, clinician, context.ServiceDate(), Services.OfficeVisitModerate.Code, problem.Condition.Diagnosis, problem.Reference);
        VitalSignsWriter.Write(context, visit, hypertensive);
        var services = new List<BillableService> { Services.OfficeVisitModerate };
        if (problem.Condition.Monitoring is { } panel)
        {
            LabResultWriter.Write(context, visit, panel);
            services.Add(Services.Venipuncture);
            services.Add(panel.Service);
        }

        if (problem.Condition == ChronicConditions.CoronaryDisease || (problem.Condition == ChronicConditions.Hypertension && context.Random.Chance(0.2)))
        {
            ProcedureWriter.Write(context, visit, Services.Electrocardiogram.Code, problem.Reference, 10);
            services.Add(Services.Electrocardiogram);
        }

        if (withNote || context.Random.Chance(0.2))
        {
            DocumentWriter.Write(context, visit, DocumentWriter.ProgressNote, problem.Condition.Diagnosis.Display + ", follow-up.");
        }

        ProfessionalClaims.Write(
            context, visit, ProfessionalClaims.Once(services), [problem.Condition.Diagnosis],
            specialty is null ? ProfessionalClaims.PrimaryCare : ProfessionalClaims.Specialist, "11");
    }

    private static void Sick(MemberContext context, bool hypertensive, bool withPrescription)
    {
        var random = context.Random;
        var reason = random.Pick(Diagnoses.AcuteReasons);
        var date = context.ServiceDate();
        var condition = ConditionWriter.Resolved(context, reason, date, context.PrimaryCare, null);
        var visit = Open(context, context.PrimaryCare, date, Services.OfficeVisitLow.Code, reason, condition);
        VitalSignsWriter.Write(context, visit, hypertensive);
        var services = new List<BillableService> { Services.OfficeVisitLow };
        if (reason.Code == "J02.9")
        {
            services.Add(Services.StrepTest);
        }
        else if (reason.Code == "N39.0")
        {
            services.Add(Services.Urinalysis);
        }

        var infection = reason.Code[0] is 'J' or 'N' or 'H';
        if (infection && (withPrescription || random.Chance(0.5)))
        {
            var drug = random.Pick(Drugs.Antibiotics);
            MedicationRequestWriter.Write(context, drug, date, context.PrimaryCare, condition, visit.Reference, false, 0, null);
            PharmacyClaims.Write(context, drug, context.PrimaryCare, date, 1, null);
        }

        if (random.Chance(0.25))
        {
            DocumentWriter.Write(context, visit, DocumentWriter.ProgressNote, reason.Display + ".");
        }

        ProfessionalClaims.Write(context, visit, ProfessionalClaims.Once(services), [reason], ProfessionalClaims.PrimaryCare, "11");
    }

    private static Visit Open(MemberContext context, Clinician clinician, DateOnly date, CodedConcept type, CodedConcept reason, string? condition)
    {
        var start = context.OfficeHours(date);
        return EncounterWriter.Write(
            context, EncounterClass.Ambulatory, type, clinician, clinician.Site, start, start.AddMinutes(30), reason, condition, null);
    }
}
