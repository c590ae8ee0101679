namespace PatientAccess.Monitor.Detection;

/// <summary>How urgent a flag is, in the words the alert rules use: <c>critical</c> act now, <c>warning</c> look today, <c>info</c> noticed.</summary>
internal static class Severities
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";

    public static bool IsKnown(string? value) => value is Info or Warning or Critical;
}
