namespace PatientAccess.LoadTests.Smart;

/// <summary>A SMART launch step failed; the message is the one line shown after "error: " (which page, which status, why).</summary>
internal sealed class SmartLaunchException : Exception
{
    public SmartLaunchException()
    {
    }

    public SmartLaunchException(string message)
        : base(message)
    {
    }

    public SmartLaunchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
