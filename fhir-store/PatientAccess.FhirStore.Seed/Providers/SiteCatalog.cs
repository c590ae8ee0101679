using PatientAccess.FhirStore.Seed.Members;

namespace PatientAccess.FhirStore.Seed.Providers;

/// <summary>The plan's network: hospitals, practices (with the specialties they staff) and pharmacies.</summary>
internal static class SiteCatalog
{
    public static IReadOnlyList<(string Name, SiteKind Kind, string City, string Street, Specialty[] Staff)> Sites { get; } =
    [
        ("Beacon Hill General Hospital", SiteKind.Hospital, "Boston", "55 Cambridge Street",
            [Specialties.EmergencyMedicine, Specialties.Surgery, Specialties.Radiology, Specialties.Cardiology, Specialties.Gastroenterology, Specialties.InfectiousDisease]),
        ("Merrimack Valley Medical Center", SiteKind.Hospital, "Lawrence", "1 General Street",
            [Specialties.EmergencyMedicine, Specialties.Surgery, Specialties.Radiology, Specialties.Orthopedics]),
        ("Worcester Memorial Hospital", SiteKind.Hospital, "Worcester", "119 Belmont Street",
            [Specialties.EmergencyMedicine, Specialties.Surgery, Specialties.Cardiology, Specialties.Gastroenterology]),
        ("South Shore Community Hospital", SiteKind.Hospital, "Quincy", "114 Whitwell Street",
            [Specialties.EmergencyMedicine, Specialties.Radiology, Specialties.Orthopedics]),
        ("Pioneer Valley Regional Hospital", SiteKind.Hospital, "Springfield", "759 Chestnut Street",
            [Specialties.EmergencyMedicine, Specialties.Surgery, Specialties.MedicalGenetics]),
        ("Charles River Primary Care", SiteKind.Practice, "Boston", "243 Charles Street",
            [Specialties.FamilyMedicine, Specialties.InternalMedicine]),
        ("Back Bay Internal Medicine", SiteKind.Practice, "Boston", "20 Newbury Street",
            [Specialties.InternalMedicine]),
        ("North Shore Family Practice", SiteKind.Practice, "Salem", "31 Highland Avenue",
            [Specialties.FamilyMedicine, Specialties.Pediatrics]),
        ("Clínica Latina de Salud", SiteKind.Practice, "Lawrence", "150 Essex Street",
            [Specialties.FamilyMedicine, Specialties.Pediatrics, Specialties.ObstetricsGynecology]),
        ("Lowell Pediatric Associates", SiteKind.Practice, "Lowell", "295 Varnum Avenue",
            [Specialties.Pediatrics]),
        ("Commonwealth Cardiology", SiteKind.Practice, "Cambridge", "330 Mount Auburn Street",
            [Specialties.Cardiology]),
        ("Bay State Orthopedics", SiteKind.Practice, "Framingham", "61 Lincoln Street",
            [Specialties.Orthopedics]),
        ("Women's Health of New England", SiteKind.Practice, "Worcester", "67 Belmont Street",
            [Specialties.ObstetricsGynecology]),
        ("Harborview Behavioral Health", SiteKind.Practice, "Boston", "85 East Newton Street",
            [Specialties.Psychiatry, Specialties.Psychologist, Specialties.AddictionMedicine]),
        ("Riverside Infectious Disease Clinic", SiteKind.Practice, "Springfield", "3400 Main Street",
            [Specialties.InfectiousDisease]),
        ("Cape Cod Family Medicine", SiteKind.Practice, "Barnstable", "27 Park Street",
            [Specialties.FamilyMedicine, Specialties.InternalMedicine, Specialties.Psychologist]),
        ("Brockton Neighborhood Health", SiteKind.Practice, "Brockton", "63 Main Street",
            [Specialties.FamilyMedicine, Specialties.Pediatrics, Specialties.Psychiatry]),
        ("New Bedford Recovery Center", SiteKind.Practice, "New Bedford", "888 Purchase Street",
            [Specialties.AddictionMedicine, Specialties.Psychologist]),
        ("Main Street Pharmacy", SiteKind.Pharmacy, "Worcester", "412 Main Street", []),
        ("Farmacia San José", SiteKind.Pharmacy, "Lawrence", "210 Broadway", []),
        ("Harbor Pharmacy", SiteKind.Pharmacy, "Boston", "12 Hanover Street", []),
        ("Pioneer Drug", SiteKind.Pharmacy, "Springfield", "1500 Main Street", []),
        ("Lowell Community Pharmacy", SiteKind.Pharmacy, "Lowell", "75 Merrimack Street", []),
        ("Cape Apothecary", SiteKind.Pharmacy, "Barnstable", "600 Main Street", []),
    ];

    public static Place PlaceOf(string city) => Places.Network.First(p => p.City == city);
}
