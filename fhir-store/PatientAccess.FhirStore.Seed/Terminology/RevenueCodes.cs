namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>NUBC revenue codes: the department a line of a facility claim was charged in.</summary>
internal static class RevenueCodes
{
    public static readonly CodedConcept RoomAndBoard = Rev("0120", "Room & board - semi-private two bed, general");
    public static readonly CodedConcept Pharmacy = Rev("0250", "Pharmacy - general");
    public static readonly CodedConcept Laboratory = Rev("0300", "Laboratory - general");
    public static readonly CodedConcept Radiology = Rev("0320", "Radiology - diagnostic, general");
    public static readonly CodedConcept OperatingRoom = Rev("0360", "Operating room services - general");
    public static readonly CodedConcept Anesthesia = Rev("0370", "Anesthesia - general");
    public static readonly CodedConcept Respiratory = Rev("0410", "Respiratory services - general");
    public static readonly CodedConcept Emergency = Rev("0450", "Emergency room - general");
    public static readonly CodedConcept Cardiology = Rev("0480", "Cardiology - general");
    public static readonly CodedConcept Mri = Rev("0610", "Magnetic resonance technology - general");
    public static readonly CodedConcept Recovery = Rev("0710", "Recovery room - general");
    public static readonly CodedConcept Ekg = Rev("0730", "EKG/ECG - general");
    public static readonly CodedConcept Gastrointestinal = Rev("0750", "Gastro-intestinal services - general");

    private static CodedConcept Rev(string code, string display) => new(CodeSystems.RevenueCode, code, display);
}
