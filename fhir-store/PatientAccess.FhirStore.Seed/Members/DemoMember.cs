namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>
/// The demo member every generated data set contains: the identity developers type into the
/// sandbox's member verification, and the one the docs and end-to-end tests use.
/// </summary>
public static class DemoMember
{
    public const string PatientId = "demo-john-allen";
    public const string CoverageId = "cov-demo-john-allen";
    public const string MemberId = "123456789123";
    public const string GivenName = "John";
    public const string FamilyName = "Allen";
    public const string Gender = "male";
    public const string BirthDate = "1950-10-19";
    public const string AddressLine = "77 Charles Street";
    public const string City = "Boston";
    public const string State = "MA";
    public const string PostalCode = "02114";
    public const string Phone = "617-555-0119";
    public const string Email = "john.allen@example.com";

    public static DateOnly BirthDateValue { get; } = new(1950, 10, 19);
}
