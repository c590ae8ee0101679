namespace PatientAccess.Geo.Reloading;

/// <summary>A reload that succeeded, or one that failed and left the previous database serving.</summary>
public sealed class DatabaseReloadEventArgs(string path, string message, Exception? error = null) : EventArgs
{
    public string Path { get; } = path;

    /// <summary>One line for a log: what was loaded, or what is wrong with the new file.</summary>
    public string Message { get; } = message;

    /// <summary>The cause of a failed reload (<see cref="Database.InvalidDatabaseException"/> or an I/O error).</summary>
    public Exception? Error { get; } = error;
}
