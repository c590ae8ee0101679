namespace PatientAccess.AuthServer.Authorize;

/// <summary>
/// What the member pages decided once the member signed in, proved who they are and consented.
/// </summary>
/// <param name="RequestId">The pending request, from <c>/member/authorize/{requestId}</c>.</param>
/// <param name="MemberAccountId">The signed-in account; becomes <c>sub</c>.</param>
/// <param name="PatientId">The FHIR Patient id the member chose to share (SMART <c>patient</c>).</param>
/// <param name="SensitiveCategories">ActCode codes the member opted in to share (ETH, PSY, MH, HIV, SEX, STD, GDIS, SDV).</param>
/// <param name="GrantedScopes">The scopes the member approved; null approves everything grantable. Never more than the request allowed.</param>
/// <param name="FhirUser">The person who signed in as a FHIR reference (<c>Patient/1</c>, <c>RelatedPerson/7</c>); default <c>Patient/{PatientId}</c>.</param>
internal sealed record AuthorizationApproval(
    string RequestId,
    string MemberAccountId,
    string PatientId,
    IReadOnlyCollection<string> SensitiveCategories,
    IReadOnlyCollection<string>? GrantedScopes = null,
    string? FhirUser = null);
