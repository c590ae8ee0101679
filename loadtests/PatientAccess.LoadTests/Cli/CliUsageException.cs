namespace PatientAccess.LoadTests.Cli;

/// <summary>Bad command-line input; the message is the one line shown to the user.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
