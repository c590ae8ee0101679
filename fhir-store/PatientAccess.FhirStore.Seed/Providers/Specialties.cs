using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Providers;

internal static class Specialties
{
    public static readonly Specialty FamilyMedicine = Nucc("207Q00000X", "Family Medicine Physician", "MD", 24);
    public static readonly Specialty InternalMedicine = Nucc("207R00000X", "Internal Medicine Physician", "MD", 18);
    public static readonly Specialty Pediatrics = Nucc("208000000X", "Pediatrics Physician", "MD", 10);
    public static readonly Specialty Cardiology = Nucc("207RC0000X", "Cardiovascular Disease Physician", "MD", 6);
    public static readonly Specialty Orthopedics = Nucc("207X00000X", "Orthopaedic Surgery Physician", "MD", 6);
    public static readonly Specialty ObstetricsGynecology = Nucc("207V00000X", "Obstetrics & Gynecology Physician", "MD", 8);
    public static readonly Specialty Psychiatry = Nucc("2084P0800X", "Psychiatry Physician", "MD", 6);
    public static readonly Specialty Psychologist = Nucc("103T00000X", "Psychologist", "PhD", 6);
    public static readonly Specialty InfectiousDisease = Nucc("207RI0200X", "Infectious Disease Physician", "MD", 4);
    public static readonly Specialty EmergencyMedicine = Nucc("207P00000X", "Emergency Medicine Physician", "DO", 10);
    public static readonly Specialty Surgery = Nucc("208600000X", "Surgery Physician", "MD", 6);
    public static readonly Specialty Gastroenterology = Nucc("207RG0100X", "Gastroenterology Physician", "MD", 5);
    public static readonly Specialty Radiology = Nucc("2085R0202X", "Diagnostic Radiology Physician", "MD", 4);
    public static readonly Specialty AddictionMedicine = Nucc("2084A0401X", "Addiction Medicine (Psychiatry & Neurology) Physician", "MD", 4);
    public static readonly Specialty MedicalGenetics = Nucc("207SG0201X", "Clinical Genetics (M.D.) Physician", "MD", 3);

    public static IReadOnlyList<Specialty> All { get; } =
    [
        FamilyMedicine, InternalMedicine, Pediatrics, Cardiology, Orthopedics, ObstetricsGynecology, Psychiatry, Psychologist,
        InfectiousDisease, EmergencyMedicine, Surgery, Gastroenterology, Radiology, AddictionMedicine, MedicalGenetics,
    ];

    private static Specialty Nucc(string code, string display, string credential, int headcount) =>
        new(new CodedConcept(CodeSystems.NuccTaxonomy, code, display), credential, headcount);
}
