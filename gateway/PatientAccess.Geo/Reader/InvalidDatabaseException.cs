namespace PatientAccess.Geo.Reader;

/// <summary>
/// The file is not a MaxMind DB the reader can trust: corrupt, truncated, or outside the
/// limits the reader enforces. The message says what is wrong and where.
/// </summary>
public sealed class InvalidDatabaseException : Exception
{
    public InvalidDatabaseException()
    {
    }

    public InvalidDatabaseException(string message)
        : base(message)
    {
    }

    public InvalidDatabaseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
