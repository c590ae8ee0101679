using System.Collections.Concurrent;

namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>One Prometheus metric family: its name, help, type and every series measured so far.</summary>
internal sealed class MetricFamily
{
    private readonly ConcurrentDictionary<SeriesKey, object> _series = new(SeriesKeyComparer.Instance);
    private readonly ConcurrentDictionary<SeriesKey, object>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> _lookup;

    public MetricFamily(string name, string help, MetricKind kind, Aggregation aggregation, bool observable, double[] bounds)
    {
        Name = name;
        Help = help;
        Kind = kind;
        Aggregation = aggregation;
        IsObservable = observable;
        Bounds = bounds;
        _lookup = _series.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
    }

    public string Name { get; }

    public string Help { get; }

    public MetricKind Kind { get; }

    public Aggregation Aggregation { get; }

    public bool IsObservable { get; }

    public double[] Bounds { get; }

    public ICollection<KeyValuePair<SeriesKey, object>> Series => _series;

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        switch (Aggregation)
        {
            case Aggregation.Histogram:
                ((HistogramCell)CellFor(tags)).Record(value);
                break;
            case Aggregation.Sum when Kind == MetricKind.Counter && (value < 0 || double.IsNaN(value)):
                // A Prometheus counter only goes up; a negative increment is a bug in the caller.
                break;
            case Aggregation.Sum:
                ((ValueCell)CellFor(tags)).Add(value);
                break;
            default:
                ((ValueCell)CellFor(tags)).Set(value);
                break;
        }
    }

    /// <summary>Observable instruments report their whole state at each scrape, so stale series go.</summary>
    public void ClearSeries() => _series.Clear();

    private object CellFor(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_lookup.TryGetValue(tags, out var cell))
        {
            return cell;
        }

        object created = Aggregation == Aggregation.Histogram ? new HistogramCell(Bounds) : new ValueCell();
        return _lookup.TryAdd(tags, created) ? created : _lookup[tags];
    }
}
