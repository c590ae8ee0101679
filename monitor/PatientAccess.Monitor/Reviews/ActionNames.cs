namespace PatientAccess.Monitor.Reviews;

/// <summary>What the monitor does about a flag, by the names used in configuration and the <c>action</c> metric label.</summary>
internal static class ActionNames
{
    public const string Alert = "alert";
    public const string Throttle = "throttle";
    public const string Suspend = "suspend";
    public const string Revoke = "revoke";
}
