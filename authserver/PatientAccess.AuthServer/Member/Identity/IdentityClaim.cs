namespace PatientAccess.AuthServer.Member.Identity;

/// <summary>What a member typed on the identity form, already checked for shape.</summary>
internal sealed record IdentityClaim(string FirstName, string LastName, DateOnly BirthDate, string MemberId, string PostalCode);
