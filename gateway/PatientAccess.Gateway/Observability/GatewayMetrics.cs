using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PatientAccess.Gateway.Observability;

/// <summary>
/// The gateway's own instruments (meter <c>PatientAccess.Gateway</c>), in base units with
/// snake_case labels, exposed on <c>/metrics</c> by the service defaults.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "PatientAccess.Gateway";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _upstreamErrors;
    private readonly Counter<long> _auditEvents;
    private readonly Counter<long> _auditTrimmed;
    private readonly Counter<long> _auditTrimmedUnread;
    private readonly Histogram<long> _rateLimitBatch;
    private readonly Counter<long> _rateLimitLeased;
    private int _redisFallback;
    private long _spoolDepth;
    private long _lagEntries;
    private double _lagSeconds;

    public GatewayMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("patientaccess.gateway.requests", "{request}", "Requests answered, by client, resource type and status");
        _duration = meter.CreateHistogram<double>("patientaccess.gateway.request.duration", "s", "Time from the first byte in to the last byte out",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _refusals = meter.CreateCounter<long>("patientaccess.gateway.refusals", "{request}", "Requests refused by the policy chain, by reason");
        _upstreamErrors = meter.CreateCounter<long>("patientaccess.gateway.upstream.errors", "{request}", "Requests the fhir-store did not answer, by kind");
        _auditEvents = meter.CreateCounter<long>("patientaccess.gateway.audit.events", "{event}", "Audit events by where they went (redis, spool)");
        _auditTrimmed = meter.CreateCounter<long>("patientaccess.gateway.audit.trimmed", "{event}",
            "Audit stream entries this replica trimmed: acknowledged by Audit:ConsumerGroup, or at the Audit:MaxStreamLength hard cap");
        _auditTrimmedUnread = meter.CreateCounter<long>("patientaccess.gateway.audit.trimmed.unread", "{event}",
            "Of those, entries the hard cap trimmed before Audit:ConsumerGroup (the monitor) acknowledged them: audit events lost");
        _rateLimitBatch = meter.CreateHistogram<long>("patientaccess.gateway.ratelimit.batch.size", "{decision}", "Rate-limit decisions per Redis call",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        _rateLimitLeased = meter.CreateCounter<long>("patientaccess.gateway.ratelimit.leased", "{token}",
            "Rate-limit tokens taken from the shared buckets ahead of need, then spent without a Redis call");
        meter.CreateObservableGauge("patientaccess.gateway.redis.fallback", () => Volatile.Read(ref _redisFallback), "1",
            "1 while rate limits fall back to per-replica buckets because Redis is unreachable");
        meter.CreateObservableGauge("patientaccess.gateway.audit.spool.depth", () => Interlocked.Read(ref _spoolDepth), "{event}",
            "Audit events spooled to disk and not yet written to Redis");
        meter.CreateObservableGauge("patientaccess.gateway.audit.lag.entries", () => Interlocked.Read(ref _lagEntries), "{event}",
            "Audit stream entries Audit:ConsumerGroup (the monitor) has not acknowledged, as of this replica's last append");
        meter.CreateObservableGauge("patientaccess.gateway.audit.lag", () => Volatile.Read(ref _lagSeconds), "s",
            "Age of the oldest audit stream entry Audit:ConsumerGroup has not acknowledged (0 when none), as of this replica's last append");
    }

    public void Request(string clientId, string resourceType, int status, double seconds)
    {
        var tags = new TagList { { "client_id", clientId }, { "resource_type", resourceType }, { "status_code", status } };
        _requests.Add(1, tags);
        _duration.Record(seconds, new KeyValuePair<string, object?>("status_code", status));
    }

    public void Refusal(string reason) => _refusals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void UpstreamError(string kind) => _upstreamErrors.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void AuditEvents(string destination, long count) => _auditEvents.Add(count, new KeyValuePair<string, object?>("destination", destination));

    public void AuditTrimmed(long trimmed, long unread)
    {
        _auditTrimmed.Add(trimmed);
        _auditTrimmedUnread.Add(unread);
    }

    public void RateLimitBatch(int decisions) => _rateLimitBatch.Record(decisions);

    public void RateLimitLeased(long tokens) => _rateLimitLeased.Add(tokens);

    public void RedisFallback(bool active) => Volatile.Write(ref _redisFallback, active ? 1 : 0);

    public bool IsRedisFallback => Volatile.Read(ref _redisFallback) == 1;

    public void AuditLag(long entries, double seconds)
    {
        Interlocked.Exchange(ref _lagEntries, entries);
        Volatile.Write(ref _lagSeconds, seconds);
    }

    public void SpoolDepth(long depth) => Interlocked.Exchange(ref _spoolDepth, depth);
}
