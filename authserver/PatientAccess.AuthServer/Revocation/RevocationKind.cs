namespace PatientAccess.AuthServer.Revocation;

/// <summary>What a revocation entry names; the strings are what the feed and the Redis channel carry.</summary>
internal static class RevocationKind
{
    public const string Client = "client";
    public const string Grant = "grant";
    public const string Token = "token";
}
