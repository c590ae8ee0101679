namespace PatientAccess.AuthServer.Enforcement;

/// <summary>Action, step and state names of the enforcement contract (issue 15, contract 1).</summary>
internal static class EnforcementSteps
{
    public const string Suspend = "suspend";
    public const string Revoke = "revoke";
    public const string Reinstate = "reinstate";

    public const string Credentials = "credentials";
    public const string Tokens = "tokens";
    public const string MemberEmails = "member_emails";
    public const string ContactEmails = "contact_emails";
    public const string Gallery = "gallery";

    public const string Pending = "pending";
    public const string Running = "running";
    public const string Done = "done";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    public static IReadOnlyList<string> Actions { get; } = [Suspend, Revoke, Reinstate];

    /// <summary>The detector names the monitor uses (contract 5); an action names one of them or none.</summary>
    public static IReadOnlyList<string> Detectors { get; } = ["write-attempts", "too-many-requests", "non-us", "erratic", "unusual-authorizations", "token-abuse"];

    /// <summary>The steps of an action, in the order they run.</summary>
    public static IReadOnlyList<string> For(string action) =>
        action == Reinstate ? [Credentials, Gallery] : [Credentials, Tokens, MemberEmails, ContactEmails, Gallery];
}
