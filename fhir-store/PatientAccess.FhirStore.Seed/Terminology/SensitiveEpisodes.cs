using PatientAccess.FhirStore.Seed.Providers;

namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>
/// Prevalences are set so that roughly 2-4% of a member population's resources carry a label:
/// rare enough to be realistic, common enough that every category shows up in a few hundred members.
/// </summary>
internal static class SensitiveEpisodes
{
    public static readonly SensitiveEpisode AlcoholUse = new(
        SensitivityCategory.SubstanceUse, Diagnoses.AlcoholDependence, null, 18, 120, 0.025, Specialties.AddictionMedicine,
        [Services.SubstanceUseAssessment], Services.SubstanceUseCounseling, 5, null, null);

    public static readonly SensitiveEpisode OpioidUse = new(
        SensitivityCategory.SubstanceUse, Diagnoses.OpioidDependence, null, 18, 120, 0.015, Specialties.AddictionMedicine,
        [Services.SubstanceUseAssessment], Services.SubstanceUseCounseling, 4, Drugs.BuprenorphineNaloxone, null);

    public static readonly SensitiveEpisode Depression = new(
        SensitivityCategory.Psychiatry, Diagnoses.Depression, null, 12, 120, 0.07, Specialties.Psychiatry,
        [Services.PsychiatricEvaluation], Services.Psychotherapy45, 6, Drugs.Sertraline, null);

    public static readonly SensitiveEpisode Anxiety = new(
        SensitivityCategory.MentalHealth, Diagnoses.Anxiety, null, 12, 120, 0.05, Specialties.Psychologist,
        [Services.PsychiatricEvaluation], Services.Psychotherapy60, 5, null, null);

    public static readonly SensitiveEpisode Hiv = new(
        SensitivityCategory.Hiv, Diagnoses.HivDisease, null, 18, 120, 0.008, Specialties.InfectiousDisease,
        [Services.OfficeVisitModerate, Services.HivScreen], Services.OfficeVisitModerate, 4, Drugs.Bictegravir, LabPanels.HivViralLoad);

    public static readonly SensitiveEpisode Chlamydia = new(
        SensitivityCategory.SexuallyTransmittedDisease, Diagnoses.Chlamydia, null, 15, 45, 0.012, Specialties.FamilyMedicine,
        [Services.OfficeVisitLow, Services.ChlamydiaTest, Services.GonorrheaTest], null, 1, Drugs.Azithromycin, null, Resolves: true);

    public static readonly SensitiveEpisode StdScreening = new(
        SensitivityCategory.SexuallyTransmittedDisease, Diagnoses.StdScreening, null, 15, 120, 0.02, Specialties.FamilyMedicine,
        [Services.OfficeVisitLow, Services.ChlamydiaTest, Services.GonorrheaTest], null, 1, null, null, Resolves: true);

    public static readonly SensitiveEpisode Contraception = new(
        SensitivityCategory.SexualHealth, Diagnoses.Contraception, "female", 15, 49, 0.06, Specialties.ObstetricsGynecology,
        [Services.OfficeVisitLow], null, 1, Drugs.Norethindrone, null, Resolves: true);

    public static readonly SensitiveEpisode ErectileDysfunction = new(
        SensitivityCategory.SexualHealth, Diagnoses.ErectileDysfunction, "male", 40, 120, 0.04, Specialties.InternalMedicine,
        [Services.OfficeVisitLow], null, 1, Drugs.Sildenafil, null);

    public static readonly SensitiveEpisode BreastCancerGenetics = new(
        SensitivityCategory.Genetics, Diagnoses.BreastCancerSusceptibility, "female", 25, 120, 0.012, Specialties.MedicalGenetics,
        [Services.GeneticCounseling, Services.BrcaAnalysis], Services.GeneticCounseling, 2, null, null);

    public static readonly SensitiveEpisode ProstateCancerGenetics = new(
        SensitivityCategory.Genetics, Diagnoses.ProstateCancerSusceptibility, "male", 40, 120, 0.008, Specialties.MedicalGenetics,
        [Services.GeneticCounseling, Services.BrcaAnalysis], Services.GeneticCounseling, 2, null, null);

    public static readonly SensitiveEpisode DomesticViolence = new(
        SensitivityCategory.DomesticViolence, Diagnoses.AdultPhysicalAbuse, null, 18, 120, 0.015, Specialties.EmergencyMedicine,
        [Services.EmergencyModerate], null, 1, Drugs.Acetaminophen, null, Emergency: true, Resolves: true);

    public static IReadOnlyList<SensitiveEpisode> All { get; } =
    [
        AlcoholUse, OpioidUse, Depression, Anxiety, Hiv, Chlamydia, StdScreening, Contraception, ErectileDysfunction,
        BreastCancerGenetics, ProstateCancerGenetics, DomesticViolence,
    ];
}
