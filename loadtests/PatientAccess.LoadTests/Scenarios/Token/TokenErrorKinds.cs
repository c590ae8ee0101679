namespace PatientAccess.LoadTests.Scenarios.Token;

/// <summary>Failures of the token scenarios that are not an HTTP status of their own.</summary>
internal static class TokenErrorKinds
{
    /// <summary>Every prepared authorization code was used; prepare more (--codes, or a shorter run).</summary>
    public const string NoCodeLeft = "no-code-left";

    /// <summary>No refresh token was free: all were in flight or lost to failed refreshes.</summary>
    public const string RefreshPoolEmpty = "refresh-pool-empty";

    /// <summary>A 200 whose body is not a JSON object.</summary>
    public const string NotJson = "not-json";

    /// <summary>A 200 from the token endpoint without an access_token.</summary>
    public const string NoAccessToken = "no-access-token";

    /// <summary>A 200 to a refresh without the rotated refresh_token, which ends that token's chain.</summary>
    public const string NoRefreshToken = "no-refresh-token";

    /// <summary>A 200 from introspection saying the token is not active.</summary>
    public const string Inactive = "inactive";
}
