namespace PatientAccess.Geo.Database;

/// <summary>
/// The file is not a country database the gateway can trust: corrupt, truncated, or with
/// records that are not country records. The message starts with the file and says what is
/// wrong and where; the library's own exception, when it found the problem, is the inner one.
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
