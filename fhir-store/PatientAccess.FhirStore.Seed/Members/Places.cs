namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>The plan is a Massachusetts plan: most members live there, some have moved or winter elsewhere.</summary>
internal static class Places
{
    public static readonly Place BostonWestEnd = new("Boston", "MA", "02114", "617");
    public static readonly Place Lawrence = new("Lawrence", "MA", "01841", "978");

    public static IReadOnlyList<Place> All { get; } =
    [
        BostonWestEnd,
        new("Boston", "MA", "02118", "617"),
        new("Boston", "MA", "02130", "617"),
        new("Cambridge", "MA", "02139", "617"),
        new("Somerville", "MA", "02143", "617"),
        new("Chelsea", "MA", "02150", "617"),
        new("Quincy", "MA", "02169", "617"),
        Lawrence,
        new("Lowell", "MA", "01852", "978"),
        new("Salem", "MA", "01970", "978"),
        new("Lynn", "MA", "01902", "781"),
        new("Worcester", "MA", "01604", "508"),
        new("Framingham", "MA", "01702", "508"),
        new("Brockton", "MA", "02301", "508"),
        new("New Bedford", "MA", "02740", "508"),
        new("Fall River", "MA", "02720", "508"),
        new("Barnstable", "MA", "02601", "508"),
        new("Springfield", "MA", "01109", "413"),
        new("Providence", "RI", "02903", "401"),
        new("Nashua", "NH", "03060", "603"),
        new("Hartford", "CT", "06106", "860"),
        new("New York", "NY", "10027", "212"),
        new("Miami", "FL", "33135", "305"),
        new("Orlando", "FL", "32801", "407"),
        new("San Juan", "PR", "00907", "787"),
        new("Chicago", "IL", "60608", "312"),
        new("Houston", "TX", "77011", "713"),
        new("Los Angeles", "CA", "90033", "323"),
        new("Albuquerque", "NM", "87102", "505"),
    ];

    /// <summary>Where the plan's own network is: providers sit in Massachusetts.</summary>
    public static IReadOnlyList<Place> Network { get; } = All.Where(p => p.State == "MA").ToArray();
}
