namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>
/// The tag set that identifies one time series of an instrument. Tags are kept as
/// measured (boxed values, any order); the label text is rendered only at scrape time.
/// </summary>
internal sealed class SeriesKey
{
    private readonly KeyValuePair<string, object?>[] _tags;

    public SeriesKey(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _tags = tags.ToArray();
        Hash = SeriesKeyComparer.HashOf(tags);
    }

    public int Hash { get; }

    public ReadOnlySpan<KeyValuePair<string, object?>> Tags => _tags;
}
