using System.Diagnostics.Metrics;
using PatientAccess.Monitor.Consumer;

namespace PatientAccess.Monitor.Observability;

/// <summary>
/// The monitor's own instruments (meter <c>PatientAccess.Monitor</c>), exposed on the management
/// port's <c>/metrics</c> by the service defaults. No label per app, member, token or address.
/// </summary>
public sealed class MonitorMetrics
{
    public const string MeterName = "PatientAccess.Monitor";

    private readonly Counter<long> _consumed;
    private readonly Counter<long> _stored;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _purged;
    private long _lagEntries;
    private double _lagSeconds;

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
    }

    internal void Consumed(int entries, BatchOutcome outcome)
    {
        _consumed.Add(entries);
        _stored.Add(outcome.Stored);
        _duplicates.Add(outcome.Duplicates);
        _deadLetters.Add(outcome.DeadLetters);
    }

    internal void Purged(long count) => _purged.Add(count);

    internal void Lag(long entries, double seconds)
    {
        Interlocked.Exchange(ref _lagEntries, entries);
        Volatile.Write(ref _lagSeconds, seconds);
    }
}
