namespace PatientAccess.FhirStore.Seed.Terminology;

internal static class FacilityEpisodes
{
    public static readonly FacilityEpisode KneeReplacement = new(
        true, false, Diagnoses.KneeArthritis, 50,
        Pcs("0SRC0J9", "Replacement of Right Knee Joint with Synthetic Substitute, Cemented, Open Approach"),
        Drg("470", "Major hip and knee joint replacement or reattachment of lower extremity without MCC"),
        1, 3,
        [
            new(RevenueCodes.RoomAndBoard, null, 2400m, PerDay: true),
            new(RevenueCodes.OperatingRoom, Services.KneeReplacement, 18500m),
            new(RevenueCodes.Anesthesia, null, 2100m),
            new(RevenueCodes.Recovery, null, 1300m),
            new(RevenueCodes.Pharmacy, null, 900m),
        ],
        Services.KneeReplacement);

    public static readonly FacilityEpisode Pneumonia = new(
        true, false, Diagnoses.Pneumonia, 0,
        Pcs("5A09357", "Assistance with Respiratory Ventilation, Less than 24 Consecutive Hours, Continuous Positive Airway Pressure"),
        Drg("194", "Simple pneumonia and pleurisy with CC"),
        2, 5,
        [
            new(RevenueCodes.RoomAndBoard, null, 2400m, PerDay: true),
            new(RevenueCodes.Respiratory, null, 1100m),
            new(RevenueCodes.Radiology, Services.ChestXray, 420m),
            new(RevenueCodes.Laboratory, Services.BloodCount, 310m),
            new(RevenueCodes.Pharmacy, null, 1250m),
        ],
        Services.InitialHospitalCare);

    public static readonly FacilityEpisode Appendectomy = new(
        true, false, Diagnoses.Appendicitis, 5,
        Pcs("0DTJ4ZZ", "Resection of Appendix, Percutaneous Endoscopic Approach"),
        Drg("343", "Appendectomy without complicated principal diagnosis without CC/MCC"),
        1, 2,
        [
            new(RevenueCodes.RoomAndBoard, null, 2400m, PerDay: true),
            new(RevenueCodes.OperatingRoom, Services.Appendectomy, 9800m),
            new(RevenueCodes.Anesthesia, null, 1700m),
            new(RevenueCodes.Laboratory, Services.BloodCount, 260m),
        ],
        Services.Appendectomy);

    public static readonly FacilityEpisode CoronaryStent = new(
        true, false, Diagnoses.Nstemi, 45,
        Pcs("027034Z", "Dilation of Coronary Artery, One Artery with Drug-eluting Intraluminal Device, Percutaneous Approach"),
        Drg("247", "Percutaneous cardiovascular procedures with drug-eluting stent without MCC"),
        2, 4,
        [
            new(RevenueCodes.RoomAndBoard, null, 2600m, PerDay: true),
            new(RevenueCodes.Cardiology, Services.CoronaryStent, 24500m),
            new(RevenueCodes.Ekg, Services.EcgTracing, 240m),
            new(RevenueCodes.Laboratory, Services.MetabolicPanel, 380m),
            new(RevenueCodes.Pharmacy, null, 1900m),
        ],
        Services.CoronaryStent);

    public static readonly FacilityEpisode ChestPain = new(
        false, true, Diagnoses.ChestPain, 18, null, null, 0, 0,
        [
            new(RevenueCodes.Emergency, Services.EmergencyModerate, 1850m),
            new(RevenueCodes.Ekg, Services.EcgTracing, 240m),
            new(RevenueCodes.Radiology, Services.ChestXray, 420m),
            new(RevenueCodes.Laboratory, Services.MetabolicPanel, 290m),
        ],
        Services.EmergencyModerate);

    public static readonly FacilityEpisode AnkleSprain = new(
        false, true, Diagnoses.AnkleSprain, 3, null, null, 0, 0,
        [
            new(RevenueCodes.Emergency, Services.EmergencyLow, 1150m),
            new(RevenueCodes.Radiology, Services.AnkleXray, 380m),
            new(RevenueCodes.Emergency, Services.AnkleStrapping, 160m),
        ],
        Services.EmergencyLow);

    public static readonly FacilityEpisode Colonoscopy = new(
        false, false, Diagnoses.ColonScreening, 45, null, null, 0, 0,
        [
            new(RevenueCodes.Gastrointestinal, Services.Colonoscopy, 3200m),
            new(RevenueCodes.Anesthesia, Services.ColonoscopyAnesthesia, 950m),
            new(RevenueCodes.Recovery, null, 600m),
        ],
        Services.Colonoscopy);

    public static readonly FacilityEpisode LumbarMri = new(
        false, false, Diagnoses.LowBackPain, 18, null, null, 0, 0,
        [new(RevenueCodes.Mri, Services.LumbarMri, 2600m)],
        Services.LumbarMri);

    public static IReadOnlyList<FacilityEpisode> InpatientStays { get; } = [KneeReplacement, Pneumonia, Appendectomy, CoronaryStent];

    public static IReadOnlyList<FacilityEpisode> OutpatientVisits { get; } = [ChestPain, AnkleSprain, Colonoscopy, LumbarMri];

    private static CodedConcept Pcs(string code, string display) => new(CodeSystems.Icd10Pcs, code, display);

    private static CodedConcept Drg(string code, string display) => new(CodeSystems.MsDrg, code, display);
}
