namespace PatientAccess.Monitor.Reviews;

/// <summary>Where a flag stands.</summary>
internal static class ReviewStates
{
    /// <summary>Acted on (throttled or suspended) and waiting for staff.</summary>
    public const string Open = "open";

    /// <summary>Review only: nothing was done to the app (alert-only detectors, new apps' baselines).</summary>
    public const string Alert = "alert";

    /// <summary>The action could not be carried out (the authserver did not answer); retried.</summary>
    public const string Failed = "failed";

    public const string Reinstated = "reinstated";

    public const string Revoked = "revoked";

    /// <summary>A throttle that ran out, or an alert staff dismissed.</summary>
    public const string Closed = "closed";
}
