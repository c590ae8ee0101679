namespace PatientAccess.Monitor.Events;

/// <summary>A parsed stream entry, or why it could not be read (it then goes to the dead letters).</summary>
internal readonly record struct ParseResult(SourceEvent? Event, string? Error)
{
    public static ParseResult Ok(SourceEvent value) => new(value, null);

    public static ParseResult Fail(string error) => new(null, error);
}
