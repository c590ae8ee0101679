using System.Diagnostics.Metrics;
using PatientAccess.Monitor.Consumer;

namespace PatientAccess.Monitor.Observability;

/// <summary>
/// The monitor's own instruments (meter <c>PatientAccess.Monitor</c>), exposed on the management
/// port's <c>/metrics</c> by the service defaults. No label per member, token or address; the only
/// per-app series is <c>patientaccess_monitor_app_flagged{client_id}</c>, for apps that were flagged.
/// </summary>
public sealed class MonitorMetrics
{
    public const string MeterName = "PatientAccess.Monitor";

    private readonly Counter<long> _consumed;
    private readonly Counter<long> _stored;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _purged;
    private readonly Counter<long> _detections;
    private readonly Counter<long> _actions;
    private readonly Counter<long> _detectionSkipped;
    private long _lagEntries;
    private double _lagSeconds;
    private int _reviewQueue;
    private volatile IReadOnlyDictionary<string, bool> _flaggedApps = new Dictionary<string, bool>(StringComparer.Ordinal);

    public MonitorMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _consumed = meter.CreateCounter<long>("patientaccess.monitor.audit.consumed", "{event}", "Audit stream entries read and acknowledged");
        _stored = meter.CreateCounter<long>("patientaccess.monitor.audit.stored", "{event}", "AuditEvents stored");
        _duplicates = meter.CreateCounter<long>("patientaccess.monitor.audit.duplicates", "{event}", "Entries dropped because their event id was already stored");
        _deadLetters = meter.CreateCounter<long>("patientaccess.monitor.audit.dead_letters", "{event}", "Malformed entries kept in the dead letters and acknowledged");
        _purged = meter.CreateCounter<long>("patientaccess.monitor.audit.purged", "{event}", "AuditEvents deleted at the end of their retention");
        meter.CreateObservableGauge("patientaccess.monitor.audit.lag.entries", () => Interlocked.Read(ref _lagEntries), "{event}",
            "Audit stream entries the consumer group has not acknowledged (pending and undelivered)");
        meter.CreateObservableGauge("patientaccess.monitor.audit.lag", () => Volatile.Read(ref _lagSeconds), "s",
            "Age of the oldest audit stream entry the consumer group has not acknowledged (0 when none)");
        _detections = meter.CreateCounter<long>("patientaccess.monitor.detections", "{flag}", "Flags raised, by detector (a crossing while the flag is open adds evidence and is not counted again)");
        _actions = meter.CreateCounter<long>("patientaccess.monitor.actions", "{action}", "Actions the monitor took on new flags: alert, throttle, suspend, revoke");
        _detectionSkipped = meter.CreateCounter<long>("patientaccess.monitor.detection.skipped", "{event}",
            "Events a detector did not count: stale (older than its window: a backlog or a producer clock running late) or before-restart (before a staff reinstatement, or before the end of a throttle, of the app)");
        meter.CreateObservableGauge("patientaccess.monitor.review_queue_size", () => Volatile.Read(ref _reviewQueue), "{flag}",
            "Flags waiting for staff (open, alert, failed), from the database");
        meter.CreateObservableGauge("patientaccess.monitor.app_flagged", FlaggedApps, "{app}",
            "1 while the app has a flag waiting for staff, 0 after; only apps that were ever flagged");
    }

    internal void Consumed(int entries, BatchOutcome outcome)
    {
        _consumed.Add(entries);
        _stored.Add(outcome.Stored);
        _duplicates.Add(outcome.Duplicates);
        _deadLetters.Add(outcome.DeadLetters);
    }

    internal void Purged(long count) => _purged.Add(count);

    internal void Detected(string detector, string action)
    {
        _detections.Add(1, new KeyValuePair<string, object?>("detector", detector));
        _actions.Add(1, new KeyValuePair<string, object?>("action", action));
    }

    internal void DetectionSkipped(string detector, string reason) =>
        _detectionSkipped.Add(1, new KeyValuePair<string, object?>("detector", detector), new KeyValuePair<string, object?>("reason", reason));

    internal void ReviewQueue(int waiting, IReadOnlyDictionary<string, bool> flaggedApps)
    {
        Volatile.Write(ref _reviewQueue, waiting);
        _flaggedApps = flaggedApps;
    }

    private IEnumerable<Measurement<int>> FlaggedApps() =>
        _flaggedApps.Select(a => new Measurement<int>(a.Value ? 1 : 0, new KeyValuePair<string, object?>("client_id", a.Key)));

    internal void Lag(long entries, double seconds)
    {
        Interlocked.Exchange(ref _lagEntries, entries);
        Volatile.Write(ref _lagSeconds, seconds);
    }
}
