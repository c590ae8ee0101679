namespace PatientAccess.LoadTests.Engine;

/// <summary>Error kinds the engine assigns itself; scenarios may add their own (for example "connection-refused").</summary>
internal static class ErrorKinds
{
    /// <summary>The step did not finish within the per-request timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The run was stopped (Ctrl+C or the drain deadline) while the step was still running.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A step threw something the scenario did not turn into a result; the suffix is the exception type.</summary>
    public static string Exception(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return "exception:" + exception.GetType().Name;
    }
}
