namespace PatientAccess.LoadTests.Scenarios.Token;

/// <summary>What the <c>token</c> command loads: one of the token endpoint's grants, or introspection.</summary>
internal enum TokenGrant
{
    AuthorizationCode,
    RefreshToken,
    Introspect,
}
