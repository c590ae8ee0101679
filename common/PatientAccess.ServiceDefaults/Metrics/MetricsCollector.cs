using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>
/// Listens to System.Diagnostics.Metrics instruments and keeps their current values for
/// <c>/metrics</c>. prometheus-net is not in the package registry (BRIEF.md), so this
/// is the project's own, small exporter.
/// </summary>
public sealed partial class MetricsCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly Lock _scrapeLock = new();
    private readonly MetricsOptions _options;
    private readonly IMeterFactory _meterFactory;
    private readonly ILogger<MetricsCollector> _logger;

    public MetricsCollector(IOptions<MetricsOptions> options, IMeterFactory meterFactory, ILogger<MetricsCollector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _meterFactory = meterFactory;
        _logger = logger;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<short>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, value, tags, state) => Record(state, (double)value, tags));
        _listener.Start();
    }

    /// <summary>The current state of every exposed instrument, in the text exposition format.</summary>
    public string Scrape()
    {
        lock (_scrapeLock)
        {
            foreach (var family in _families.Values.Where(f => f.IsObservable))
            {
                family.ClearSeries();
            }

            _listener.RecordObservableInstruments();
            var output = new StringBuilder(16 * 1024);
            PrometheusTextWriter.Write(output, _families.Values);
            return output.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    private static void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        ((MetricFamily)state!).Record(value, tags);

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        // Meters made by another host's IMeterFactory (several test hosts in one process)
        // belong to that host; static meters (runtime, our own statics) belong to everyone.
        var scope = instrument.Meter.Scope;
        if ((scope is not null && !ReferenceEquals(scope, _meterFactory)) || !IsMeterExposed(instrument.Meter.Name))
        {
            return;
        }

        var family = FamilyFor(instrument);
        if (family is not null)
        {
            listener.EnableMeasurementEvents(instrument, family);
        }
    }

    private MetricFamily? FamilyFor(Instrument instrument)
    {
        var kind = PrometheusNaming.KindOf(instrument);
        var observable = instrument.IsObservable;
        var aggregation = kind switch
        {
            MetricKind.Histogram => Aggregation.Histogram,
            _ when observable => Aggregation.LastValue,
            _ when IsSummed(instrument) => Aggregation.Sum,
            _ => Aggregation.LastValue,
        };
        var name = PrometheusNaming.MetricName(instrument.Name, instrument.Unit, kind);
        var family = _families.GetOrAdd(name, _ => new MetricFamily(
            name,
            string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description,
            kind,
            aggregation,
            observable,
            kind == MetricKind.Histogram ? BucketsFor(instrument) : []));

        if (family.Kind == kind && family.Aggregation == aggregation && family.IsObservable == observable)
        {
            return family;
        }

        LogNameClash(instrument.Meter.Name, instrument.Name, name);
        return null;
    }

    private static bool IsSummed(Instrument instrument)
    {
        var definition = instrument.GetType().GetGenericTypeDefinition();
        return definition == typeof(Counter<>) || definition == typeof(UpDownCounter<>);
    }

    private bool IsMeterExposed(string meterName) =>
        _options.Meters.Count == 0 || _options.Meters.Any(pattern => pattern.EndsWith('*')
            ? meterName.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(meterName, pattern, StringComparison.Ordinal));

    private double[] BucketsFor(Instrument instrument)
    {
        if (_options.HistogramBuckets.TryGetValue(instrument.Name, out var configured)
            && MetricsOptions.TryParseBuckets(configured, out var bounds))
        {
            return bounds;
        }

        var advised = instrument switch
        {
            Instrument<double> d => d.Advice?.HistogramBucketBoundaries?.ToArray(),
            Instrument<float> f => f.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Instrument<long> l => l.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Instrument<int> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            _ => null,
        };
        if (advised is { Length: > 0 })
        {
            return [.. advised.Where(double.IsFinite).Distinct().Order()];
        }

        return MetricsOptions.TryParseBuckets(_options.DefaultBuckets, out var defaults)
            ? defaults
            : MetricsOptions.PrometheusDefaultBuckets;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instrument {Instrument} of meter {Meter} maps to metric {Metric}, already taken by an instrument of another type; it is not exposed")]
    private partial void LogNameClash(string meter, string instrument, string metric);
}
