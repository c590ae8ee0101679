namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>
/// Name tables. Accented and Hispanic names are here on purpose: member verification compares
/// names accent-insensitively, and the data has to exercise that.
/// </summary>
internal static class Names
{
    public static IReadOnlyList<string> MaleGiven { get; } =
    [
        "James", "Robert", "Michael", "William", "David", "Joseph", "Thomas", "Christopher", "Daniel", "Matthew",
        "Anthony", "Kevin", "Brian", "Patrick", "José", "Luis", "Carlos", "Juan", "Jesús", "Andrés", "Martín",
        "Raúl", "Ramón", "Sebastián", "Nicolás", "Héctor", "Óscar", "Miguel", "Tomás", "João", "Minh", "Wei",
        "Raj", "Chinedu", "François", "Jérôme",
    ];

    public static IReadOnlyList<string> FemaleGiven { get; } =
    [
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Emily", "Ashley", "Margaret", "María", "Sofía", "Lucía", "Ana", "Inés", "Verónica", "Mónica",
        "Guadalupe", "Carmen", "Rocío", "Beatriz", "Ángela", "Chloé", "Zoë", "Renée", "Mei", "Priya", "Aisha",
        "Siobhán", "Conceição",
    ];

    /// <summary>Family names, each with whether it marks Hispanic ethnicity for the US Core extension.</summary>
    public static IReadOnlyList<(string Name, Heritage Heritage)> Family { get; } =
    [
        ("Smith", Heritage.Other), ("Johnson", Heritage.Other), ("Williams", Heritage.Other), ("Brown", Heritage.Other),
        ("Jones", Heritage.Other), ("Miller", Heritage.Other), ("Davis", Heritage.Other), ("Wilson", Heritage.Other),
        ("Anderson", Heritage.Other), ("Taylor", Heritage.Other), ("Thomas", Heritage.Other), ("Moore", Heritage.Other),
        ("Jackson", Heritage.Other), ("Martin", Heritage.Other), ("Thompson", Heritage.Other), ("White", Heritage.Other),
        ("Harris", Heritage.Other), ("Clark", Heritage.Other), ("Lewis", Heritage.Other), ("Walker", Heritage.Other),
        ("Murphy", Heritage.Other), ("O'Brien", Heritage.Other), ("Sullivan", Heritage.Other), ("Kelly", Heritage.Other),
        ("Cohen", Heritage.Other), ("Kowalski", Heritage.Other), ("Côté", Heritage.Other), ("Bélanger", Heritage.Other),
        ("Müller", Heritage.Other), ("Okafor", Heritage.Other), ("Gonçalves", Heritage.Other), ("Pereira", Heritage.Other),
        ("García", Heritage.Hispanic), ("Rodríguez", Heritage.Hispanic), ("Martínez", Heritage.Hispanic),
        ("Hernández", Heritage.Hispanic), ("López", Heritage.Hispanic), ("González", Heritage.Hispanic),
        ("Pérez", Heritage.Hispanic), ("Sánchez", Heritage.Hispanic), ("Ramírez", Heritage.Hispanic),
        ("Torres", Heritage.Hispanic), ("Flores", Heritage.Hispanic), ("Gómez", Heritage.Hispanic),
        ("Díaz", Heritage.Hispanic), ("Núñez", Heritage.Hispanic), ("Peña", Heritage.Hispanic),
        ("Muñoz", Heritage.Hispanic), ("Ibáñez", Heritage.Hispanic), ("Ortiz", Heritage.Hispanic),
        ("Nguyen", Heritage.Asian), ("Tran", Heritage.Asian), ("Chen", Heritage.Asian), ("Wang", Heritage.Asian),
        ("Kim", Heritage.Asian), ("Patel", Heritage.Asian), ("Shah", Heritage.Asian),
    ];

    public static IReadOnlyList<string> Streets { get; } =
    [
        "Main Street", "Elm Street", "Washington Street", "Maple Avenue", "Oak Street", "Park Avenue", "Pleasant Street",
        "Highland Avenue", "Broadway", "Center Street", "Union Street", "School Street", "Summer Street",
        "Chestnut Street", "Church Street", "Prospect Street", "Water Street", "Beacon Street", "Calle del Sol",
        "Avenida Ponce de León",
    ];
}
