namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>
/// A small formulary. NDCs are 11-digit package codes in the shape pharmacy claims carry; they
/// are illustrative, picked for format rather than looked up per manufacturer.
/// </summary>
internal static class Drugs
{
    public static readonly Drug Lisinopril = Rx("314076", "lisinopril 10 MG Oral Tablet", "68180051301", "Take 1 tablet by mouth daily", 90, 0.12m);
    public static readonly Drug Amlodipine = Rx("197361", "amlodipine 5 MG Oral Tablet", "00093716798", "Take 1 tablet by mouth daily", 90, 0.15m);
    public static readonly Drug Hydrochlorothiazide = Rx("310798", "hydrochlorothiazide 25 MG Oral Tablet", "00172208380", "Take 1 tablet by mouth every morning", 90, 0.10m);
    public static readonly Drug Atorvastatin = Rx("259255", "atorvastatin 80 MG Oral Tablet", "00071015823", "Take 1 tablet by mouth at bedtime", 90, 0.35m);
    public static readonly Drug Simvastatin = Rx("312961", "simvastatin 20 MG Oral Tablet", "00093715398", "Take 1 tablet by mouth at bedtime", 90, 0.11m);
    public static readonly Drug Metformin = Rx("860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet", "00093726701", "Take 1 tablet by mouth with the evening meal", 90, 0.20m);
    public static readonly Drug Albuterol = Rx("745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "00173068220", "Inhale 2 puffs every 4 to 6 hours as needed", 30, 1.90m);
    public static readonly Drug Fluticasone = Rx("895994", "120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler", "00173071820", "Inhale 2 puffs twice daily", 30, 6.50m);
    public static readonly Drug Omeprazole = Rx("198053", "omeprazole 20 MG Delayed Release Oral Capsule", "62175013643", "Take 1 capsule by mouth before breakfast", 90, 0.18m);
    public static readonly Drug Levothyroxine = Rx("966222", "levothyroxine sodium 0.05 MG Oral Tablet", "00378180001", "Take 1 tablet by mouth every morning on an empty stomach", 90, 0.22m);
    public static readonly Drug Naproxen = Rx("849574", "naproxen sodium 220 MG Oral Tablet", "00280600010", "Take 1 tablet by mouth every 12 hours as needed for pain", 30, 0.25m);
    public static readonly Drug Amoxicillin = Rx("308182", "amoxicillin 250 MG Oral Capsule", "00093310905", "Take 1 capsule by mouth three times daily for 10 days", 10, 0.90m);
    public static readonly Drug AmoxicillinClavulanate = Rx("562251", "amoxicillin 250 MG / clavulanate 125 MG Oral Tablet", "00093227434", "Take 1 tablet by mouth every 8 hours for 7 days", 7, 2.40m);
    public static readonly Drug Acetaminophen = Rx("313782", "acetaminophen 325 MG Oral Tablet", "00904198060", "Take 2 tablets by mouth every 6 hours as needed", 10, 0.15m);

    public static readonly Drug Sertraline = Rx("312940", "sertraline 50 MG Oral Tablet", "16729000101", "Take 1 tablet by mouth daily", 30, 0.40m);
    public static readonly Drug BuprenorphineNaloxone = Rx("1010604", "buprenorphine 8 MG / naloxone 2 MG Sublingual Film", "12496120803", "Dissolve 1 film under the tongue daily", 30, 9.80m);
    public static readonly Drug Bictegravir = Rx("1999667", "bictegravir 50 MG / emtricitabine 200 MG / tenofovir alafenamide 25 MG Oral Tablet", "61958250101", "Take 1 tablet by mouth daily", 30, 128.00m);
    public static readonly Drug Norethindrone = Rx("831533", "Errin 0.35 MG Oral Tablet", "00555071558", "Take 1 tablet by mouth daily at the same time", 28, 0.95m);
    public static readonly Drug Sildenafil = Rx("312950", "sildenafil 50 MG Oral Tablet", "00093534256", "Take 1 tablet by mouth 1 hour before activity as needed", 30, 1.10m);
    public static readonly Drug Azithromycin = Rx("308460", "azithromycin 250 MG Oral Tablet", "00093714656", "Take 4 tablets by mouth once", 1, 12.00m);

    /// <summary>Every drug, so the shared Medication resources cover any reference a member can make.</summary>
    public static IReadOnlyList<Drug> All { get; } =
    [
        Lisinopril, Amlodipine, Hydrochlorothiazide, Atorvastatin, Simvastatin, Metformin, Albuterol, Fluticasone,
        Omeprazole, Levothyroxine, Naproxen, Amoxicillin, AmoxicillinClavulanate, Acetaminophen,
        Sertraline, BuprenorphineNaloxone, Bictegravir, Norethindrone, Sildenafil, Azithromycin,
    ];

    public static IReadOnlyList<Drug> Antibiotics { get; } = [Amoxicillin, AmoxicillinClavulanate, Azithromycin];

    private static Drug Rx(string rxnorm, string display, string ndc, string dosage, int daysSupply, decimal costPerDay) =>
        new(new CodedConcept(CodeSystems.RxNorm, rxnorm, display), ndc, dosage, daysSupply, costPerDay);
}
