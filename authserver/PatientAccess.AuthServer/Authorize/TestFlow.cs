namespace PatientAccess.AuthServer.Authorize;

/// <summary>
/// The plan's documented test flow (<c>/oauth2/authorize/test</c>): confidential apps, demo members
/// only, codes exchanged with the client secret and no PKCE. Its pending requests and codes are
/// marked by <see cref="Marker"/> in place of a PKCE challenge. The marker cannot be a S256 challenge
/// (those are exactly 43 base64url characters; it has a colon), so no code_verifier ever matches it:
/// a test code presented in the standard exchange fails PKCE, and a standard code is never taken
/// for a test code. Kept in the existing column, so no table changes shape.
/// </summary>
internal static class TestFlow
{
    public const string Path = "/oauth2/authorize/test";

    public const string Marker = "test-flow:no-pkce";

    /// <summary>What a test-flow request asks for, before it is narrowed to the client's allowance: read and search only, no refresh tokens.</summary>
    public const string RequestedScope = "launch/patient openid fhirUser patient/*.rs";

    public static bool IsMarked(string? codeChallenge) => string.Equals(codeChallenge, Marker, StringComparison.Ordinal);
}
