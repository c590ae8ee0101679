using System.Globalization;
using System.Net;
using PatientAccess.Geo.Country;
using PatientAccess.Geo.Database;

namespace PatientAccess.Geo.Reloading;

/// <summary>
/// A country database that follows its file on disk. A change (seen by a
/// <see cref="FileSystemWatcher"/>, or by a periodic stat when events are missed) loads the
/// new file fully and verifies all of it before one atomic swap; lookups in flight finish on
/// the old database. A corrupt or half-written file is reported through
/// <see cref="ReloadFailed"/> and the old database keeps serving.
/// </summary>
public sealed class ReloadingCountryDatabase : ICountryLookup, IDisposable
{
    private readonly string _path;
    private readonly ReloadingDatabaseOptions _options;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _pollTimer;
    private readonly Timer _settleTimer;
    private readonly Lock _reloadLock = new();
    private CountryDatabase _current;
    private FileStamp? _seen;
    private int _disposed;

    /// <summary>Loads and verifies the file now; throws <see cref="InvalidDatabaseException"/> or an I/O error if it is unusable.</summary>
    public ReloadingCountryDatabase(string path, ReloadingDatabaseOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
        _options = options ?? new ReloadingDatabaseOptions();
        _seen = FileStamp.TryRead(_path);
        _current = CountryDatabase.Open(_path);
        _settleTimer = new Timer(_ => Reload(force: true));
        _pollTimer = new Timer(_ => Reload(force: false));
        if (_options.PollInterval > TimeSpan.Zero)
        {
            _pollTimer.Change(_options.PollInterval, _options.PollInterval);
        }

        if (_options.UseFileSystemWatcher)
        {
            try
            {
                _watcher = CreateWatcher();
            }
            catch (IOException)
            {
                // Out of inotify instances or watches: the periodic stat still notices changes.
                _watcher = null;
            }
        }
    }

    /// <summary>Raised after a new file was swapped in.</summary>
    public event EventHandler<DatabaseReloadEventArgs>? Reloaded;

    /// <summary>Raised once per bad version of the file; the previous database keeps serving.</summary>
    public event EventHandler<DatabaseReloadEventArgs>? ReloadFailed;

    /// <summary>The database serving now; take it once per request to see one consistent version.</summary>
    public CountryDatabase Current => Volatile.Read(ref _current);

    public string? GetCountryCode(IPAddress address) => Current.GetCountryCode(address);

    /// <summary>
    /// Checks the file now, as the poll does, and reloads it if its size or time changed.
    /// Returns true when a new database was swapped in.
    /// </summary>
    public bool ReloadIfChanged() => Reload(force: false);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _watcher?.Dispose();
        _pollTimer.Dispose();
        _settleTimer.Dispose();
        lock (_reloadLock)
        {
            _current.Dispose();
        }
    }

    private FileSystemWatcher CreateWatcher()
    {
        // Watch the folder, not the file: replacing a file by rename (the safe way to publish
        // it) shows up as events on the name, whichever inode it now points to.
        var watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, _) => ScheduleReload();
        watcher.Created += (_, _) => ScheduleReload();
        watcher.Renamed += (_, _) => ScheduleReload();
        watcher.Error += (_, _) => ScheduleReload();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void ScheduleReload()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            try
            {
                _settleTimer.Change(_options.SettleDelay, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed between the check and the call: nothing left to reload.
            }
        }
    }

    /// <summary>
    /// <paramref name="force"/> (a watcher event) reloads even when the stamp looks unchanged,
    /// since a file replaced by rename can carry the same size and time.
    /// </summary>
    private bool Reload(bool force)
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return false;
        }

        lock (_reloadLock)
        {
            if (Volatile.Read(ref _disposed) == 1)
            {
                return false;
            }

            var before = FileStamp.TryRead(_path);
            if (before is null)
            {
                if (_seen is not null)
                {
                    _seen = null;
                    ReloadFailed?.Invoke(this, new DatabaseReloadEventArgs(_path, $"{_path} is missing or unreadable; still serving the previous database."));
                }

                return false;
            }

            if (!force && before == _seen)
            {
                return false;
            }

            CountryDatabase database;
            try
            {
                database = CountryDatabase.Open(_path);
            }
            catch (Exception e) when (e is InvalidDatabaseException or IOException or UnauthorizedAccessException)
            {
                if (FileStamp.TryRead(_path) != before)
                {
                    // Still being written: the next event or poll tries again, without an alarm.
                    ScheduleReload();
                    return false;
                }

                // One report per bad version: the poll and the watcher's event for one write often
                // both get here, in either order. A bad file replaced by another bad one of the same
                // size and time to the tick is not reported again; the previous good database serves on.
                var repeated = before == _seen;
                _seen = before;
                if (!repeated)
                {
                    ReloadFailed?.Invoke(this, new DatabaseReloadEventArgs(_path, $"Not reloading {_path}, still serving the previous database: {e.Message}", e));
                }

                return false;
            }

            _seen = before;
            // The replaced database is not disposed: lookups in flight may still be using it, and
            // it holds only managed memory, which the garbage collector takes once they finish.
            Volatile.Write(ref _current, database);
            Reloaded?.Invoke(this, new DatabaseReloadEventArgs(
                _path,
                string.Create(CultureInfo.InvariantCulture, $"Loaded {_path}: {database.Metadata.DatabaseType}, built {database.Metadata.BuildDate:u}, {database.Size} bytes.")));
            return true;
        }
    }
}
