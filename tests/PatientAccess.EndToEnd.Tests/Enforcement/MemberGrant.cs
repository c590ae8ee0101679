namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>What an app holds after a member authorized it: the member's account address, the tokens, the member's patient id.</summary>
internal sealed record MemberGrant(ProductionApp App, string MemberEmail, string AccessToken, string? RefreshToken, string Patient);
