namespace PatientAccess.Geo.Reloading;

/// <summary>How <see cref="ReloadingCountryDatabase"/> notices and picks up a new file.</summary>
public sealed class ReloadingDatabaseOptions
{
    /// <summary>
    /// How often the file is stat-ed as a fallback for the file-system watcher, which can miss
    /// events (network and container file systems, inotify limits). Zero turns polling off.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Wait after a change event before reading, so a copy still in progress can finish; each
    /// new event restarts the wait.
    /// </summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public bool UseFileSystemWatcher { get; set; } = true;
}
