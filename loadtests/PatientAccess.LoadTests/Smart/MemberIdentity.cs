namespace PatientAccess.LoadTests.Smart;

/// <summary>What a member types into the registration form, and the e-mail address the account uses.</summary>
internal sealed record MemberIdentity(string FirstName, string LastName, string BirthDate, string MemberId, string PostalCode, string Email)
{
    /// <summary>The address used unless --email says otherwise; the one the seeded store lists for him.</summary>
    public const string DefaultEmail = "john.allen@example.com";

    /// <summary>
    /// The demo member every seeded store holds (fhir-store Seed/Members/DemoMember.cs; copied
    /// because the load-test tool takes no dependency on the services' code).
    /// </summary>
    public static MemberIdentity DemoJohnAllen(string email) => new("John", "Allen", "1950-10-19", "123456789123", "02114", email);
}
