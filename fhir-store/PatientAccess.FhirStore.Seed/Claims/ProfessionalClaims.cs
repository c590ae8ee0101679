using PatientAccess.FhirStore.Seed.Clinical;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Claims;

/// <summary>The physician's claim for a visit: one line per service, billed by the clinician's practice.</summary>
internal static class ProfessionalClaims
{
    /// <summary>Copays under the plans' office benefit.</summary>
    public static readonly CostShare PrimaryCare = new(0m, 25m, 0m);
    public static readonly CostShare Specialist = new(0m, 45m, 0m);
    public static readonly CostShare Preventive = CostShare.None;
    public static readonly CostShare Hospital = new(0m, 0m, 0.1m);
    public static readonly CostShare Emergency = new(0m, 0m, 0.2m);

    public static string Write(
        MemberContext context, Visit visit, IReadOnlyList<(BillableService Service, decimal Quantity)> services,
        IReadOnlyList<CodedConcept> diagnoses, CostShare costShare, string placeOfService)
    {
        var random = context.Random;
        var lines = services
            .Select(s => new ClaimLine(s.Service.Code, null, visit.Date, s.Quantity, Math.Round(s.Service.Charge * s.Quantity * random.Decimal(0.9m, 1.2m, 2), 2)))
            .ToArray();
        return ExplanationOfBenefitWriter.Write(context, new ClaimDraft
        {
            Kind = ClaimKind.Professional,
            Start = visit.Date,
            End = DateOnly.FromDateTime(visit.End),
            BillingSite = visit.Clinician.Site,
            Clinician = visit.Clinician,
            Lines = lines,
            CostShare = costShare,
            Diagnoses = diagnoses,
            PlaceOfService = placeOfService,
            Label = visit.Label,
        });
    }

    public static IReadOnlyList<(BillableService Service, decimal Quantity)> Once(IEnumerable<BillableService> services) =>
        services.Select(s => (s, 1m)).ToArray();
}
