namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>Prevalences are rough adult figures, enough to make record sizes vary like a real plan's.</summary>
internal static class ChronicConditions
{
    public static readonly ChronicCondition Hypertension = new(Diagnoses.Hypertension, 30, 0.32, [Drugs.Lisinopril, Drugs.Amlodipine, Drugs.Hydrochlorothiazide], LabPanels.Metabolic);
    public static readonly ChronicCondition Hyperlipidemia = new(Diagnoses.Hyperlipidemia, 30, 0.28, [Drugs.Atorvastatin, Drugs.Simvastatin], LabPanels.Lipids);
    public static readonly ChronicCondition Diabetes = new(Diagnoses.Diabetes, 30, 0.11, [Drugs.Metformin], LabPanels.A1c);
    public static readonly ChronicCondition Asthma = new(Diagnoses.Asthma, 2, 0.08, [Drugs.Albuterol, Drugs.Fluticasone], null);
    public static readonly ChronicCondition Reflux = new(Diagnoses.Reflux, 20, 0.10, [Drugs.Omeprazole], null);
    public static readonly ChronicCondition Hypothyroidism = new(Diagnoses.Hypothyroidism, 25, 0.07, [Drugs.Levothyroxine], null);
    public static readonly ChronicCondition KneeArthritis = new(Diagnoses.KneeArthritis, 50, 0.10, [Drugs.Naproxen], null);
    public static readonly ChronicCondition Obesity = new(Diagnoses.Obesity, 18, 0.15, [], LabPanels.Metabolic);
    public static readonly ChronicCondition CoronaryDisease = new(Diagnoses.CoronaryDisease, 55, 0.06, [Drugs.Atorvastatin], LabPanels.Lipids);

    public static IReadOnlyList<ChronicCondition> All { get; } =
    [
        Hypertension, Hyperlipidemia, Diabetes, Asthma, Reflux, Hypothyroidism, KneeArthritis, Obesity, CoronaryDisease,
    ];
}
