namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>ICD-10-CM codes the generator diagnoses: long-standing problems, visit reasons, sensitive findings.</summary>
internal static class Diagnoses
{
    public static readonly CodedConcept Hypertension = Icd("I10", "Essential (primary) hypertension");
    public static readonly CodedConcept Hyperlipidemia = Icd("E78.5", "Hyperlipidemia, unspecified");
    public static readonly CodedConcept Diabetes = Icd("E11.9", "Type 2 diabetes mellitus without complications");
    public static readonly CodedConcept Asthma = Icd("J45.909", "Unspecified asthma, uncomplicated");
    public static readonly CodedConcept Reflux = Icd("K21.9", "Gastro-esophageal reflux disease without esophagitis");
    public static readonly CodedConcept Hypothyroidism = Icd("E03.9", "Hypothyroidism, unspecified");
    public static readonly CodedConcept KneeArthritis = Icd("M17.11", "Unilateral primary osteoarthritis, right knee");
    public static readonly CodedConcept Obesity = Icd("E66.9", "Obesity, unspecified");
    public static readonly CodedConcept CoronaryDisease = Icd("I25.10", "Atherosclerotic heart disease of native coronary artery without angina pectoris");

    public static readonly CodedConcept AdultExam = Icd("Z00.00", "Encounter for general adult medical examination without abnormal findings");
    public static readonly CodedConcept ChildExam = Icd("Z00.129", "Encounter for routine child health examination without abnormal findings");
    public static readonly CodedConcept ColonScreening = Icd("Z12.11", "Encounter for screening for malignant neoplasm of colon");
    public static readonly CodedConcept ChestPain = Icd("R07.9", "Chest pain, unspecified");
    public static readonly CodedConcept AnkleSprain = Icd("S93.401A", "Sprain of unspecified ligament of right ankle, initial encounter");
    public static readonly CodedConcept LowBackPain = Icd("M54.50", "Low back pain, unspecified");
    public static readonly CodedConcept Pneumonia = Icd("J18.9", "Pneumonia, unspecified organism");
    public static readonly CodedConcept Appendicitis = Icd("K35.80", "Unspecified acute appendicitis");
    public static readonly CodedConcept Nstemi = Icd("I21.4", "Non-ST elevation (NSTEMI) myocardial infarction");
    public static readonly CodedConcept HeartFailure = Icd("I50.9", "Heart failure, unspecified");

    public static readonly CodedConcept AlcoholDependence = Icd("F10.20", "Alcohol dependence, uncomplicated");
    public static readonly CodedConcept OpioidDependence = Icd("F11.20", "Opioid dependence, uncomplicated");
    public static readonly CodedConcept Depression = Icd("F32.9", "Major depressive disorder, single episode, unspecified");
    public static readonly CodedConcept Anxiety = Icd("F41.1", "Generalized anxiety disorder");
    public static readonly CodedConcept HivDisease = Icd("B20", "Human immunodeficiency virus [HIV] disease");
    public static readonly CodedConcept Chlamydia = Icd("A56.00", "Chlamydial infection of lower genitourinary tract, unspecified");
    public static readonly CodedConcept StdScreening = Icd("Z11.3", "Encounter for screening for infections with a predominantly sexual mode of transmission");
    public static readonly CodedConcept Contraception = Icd("Z30.011", "Encounter for initial prescription of contraceptive pills");
    public static readonly CodedConcept ErectileDysfunction = Icd("N52.9", "Male erectile dysfunction, unspecified");
    public static readonly CodedConcept BreastCancerSusceptibility = Icd("Z15.01", "Genetic susceptibility to malignant neoplasm of breast");
    public static readonly CodedConcept ProstateCancerSusceptibility = Icd("Z15.03", "Genetic susceptibility to malignant neoplasm of prostate");
    public static readonly CodedConcept AdultPhysicalAbuse = Icd("T74.11XA", "Adult physical abuse, confirmed, initial encounter");

    /// <summary>Reasons for a sick visit, each with the office services it usually brings.</summary>
    public static IReadOnlyList<CodedConcept> AcuteReasons { get; } =
    [
        Icd("J06.9", "Acute upper respiratory infection, unspecified"),
        Icd("J02.9", "Acute pharyngitis, unspecified"),
        Icd("N39.0", "Urinary tract infection, site not specified"),
        Icd("R51.9", "Headache, unspecified"),
        Icd("J20.9", "Acute bronchitis, unspecified"),
        Icd("H66.90", "Otitis media, unspecified, unspecified ear"),
        Icd("R10.9", "Unspecified abdominal pain"),
        LowBackPain,
    ];

    private static CodedConcept Icd(string code, string display) => new(CodeSystems.Icd10Cm, code, display);
}
