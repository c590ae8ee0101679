namespace PatientAccess.AuthServer.Refresh;

/// <summary>Outcome of presenting a refresh token.</summary>
internal sealed record RefreshRedemption(RefreshTokenRecord? Token, string? Error, string? ReusedGrantId)
{
    public static RefreshRedemption Valid(RefreshTokenRecord token) => new(token, null, null);

    public static RefreshRedemption Invalid(string error) => new(null, error, null);

    public static RefreshRedemption Reused(string grantId) => new(null, "the refresh token was already used", grantId);
}
