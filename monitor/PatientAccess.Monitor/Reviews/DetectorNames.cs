namespace PatientAccess.Monitor.Reviews;

/// <summary>The detectors, by the names used in configuration, the review queue and the <c>detector</c> metric label.</summary>
internal static class DetectorNames
{
    public const string WriteAttempts = "write-attempts";
    public const string TooManyRequests = "too-many-requests";
    public const string NonUs = "non-us";
    public const string Erratic = "erratic";
    public const string UnusualAuthorizations = "unusual-authorizations";
    public const string TokenAbuse = "token-abuse";

    public static IReadOnlyList<string> All { get; } = [WriteAttempts, TooManyRequests, NonUs, Erratic, UnusualAuthorizations, TokenAbuse];
}
