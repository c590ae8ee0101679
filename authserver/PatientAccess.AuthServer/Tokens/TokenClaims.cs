namespace PatientAccess.AuthServer.Tokens;

/// <summary>Claim names beyond the registered JWT ones (RFC 7519, RFC 9068 §2.2, SMART App Launch 2.2).</summary>
internal static class TokenClaims
{
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string Patient = "patient";
    public const string FhirUser = "fhirUser";
    public const string GrantId = "grant_id";

    /// <summary>HL7 v3 ActCode codes (ETH, PSY, MH, HIV, SEX, STD, GDIS, SDV) the member consented to share.</summary>
    public const string SensitiveCategories = "sensitive_categories";

    /// <summary>The RFC 9068 §2.1 media type, in its short form.</summary>
    public const string AccessTokenType = "at+jwt";
}
