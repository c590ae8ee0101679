namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>
/// A subscriber with a spouse and two children under 18, each a separate member with their own
/// member ID and Coverage on the subscriber's group, for the auth flow's "which member" step.
/// Birth dates are fixed, not relative to the reference date, so the identities never drift.
/// </summary>
public static class FamilyAccount
{
    public const string FamilyName = "Rivera";
    public const string AddressLine = "48 Union Street";
    public const string City = "Lawrence";
    public const string State = "MA";
    public const string PostalCode = "01841";
    public const string Phone = "978-555-0163";

    public static FamilyMember Subscriber { get; } = new("family-rivera-subscriber", "987654321001", "José", "male", new DateOnly(1984, 4, 12), "self");

    public static FamilyMember Spouse { get; } = new("family-rivera-spouse", "987654321002", "María", "female", new DateOnly(1986, 9, 3), "spouse");

    public static FamilyMember Child1 { get; } = new("family-rivera-child1", "987654321003", "Sofía", "female", new DateOnly(2013, 2, 27), "child");

    public static FamilyMember Child2 { get; } = new("family-rivera-child2", "987654321004", "Mateo", "male", new DateOnly(2017, 11, 8), "child");

    public static IReadOnlyList<FamilyMember> Members { get; } = [Subscriber, Spouse, Child1, Child2];

    /// <summary>Everyone on the account shares the subscriber's employer plan.</summary>
    public static HealthPlan Plan => HealthPlans.EmployerPpo;
}
