namespace PatientAccess.Monitor.Detection;

/// <summary>
/// What one batch adds to one app's series of one detector, aggregated so a batch costs one
/// Redis command per key touched, not one per event: counts per bucket, distinct values and labels
/// per bucket, and a few sample event ids per bucket of the evidence series.
/// </summary>
internal sealed class AppTally(Detector detector, string clientId, long epoch, DateTimeOffset received)
{
    public Detector Detector { get; } = detector;

    public string ClientId { get; } = clientId;

    /// <summary>The app's reinstatement time (Unix ms), 0 if never: part of every key that restarts at a reinstatement.</summary>
    public long Epoch { get; } = epoch;

    /// <summary>
    /// The window is judged as of the receive time, or the latest counted event if stamped later
    /// (within the allowed skew): an out-of-order event must not judge a window that ends at its own
    /// old time and leaves out the newer events already counted.
    /// </summary>
    public DateTimeOffset End { get; private set; } = received;

    /// <summary>The earliest counted event time (for a baseline's first-seen).</summary>
    public DateTimeOffset Start { get; private set; } = DateTimeOffset.MaxValue;

    /// <summary>
    /// Whether the batch added evidence (not only totals): only then can the window newly cross, so
    /// only then is it read back. An app's successful reads alone cost writes, never a read.
    /// </summary>
    public bool HasEvidence { get; private set; }

    public Dictionary<(Series Series, long Bucket), long> Counts { get; } = [];

    public Dictionary<(Series Series, long Bucket), List<string>> Values { get; } = [];

    public Dictionary<long, List<string>> Samples { get; } = [];

    public void Add(Mark mark, string eventId, DateTimeOffset at, int samplesPerBucket)
    {
        var series = Detector.Series.First(s => s.Metric == mark.Metric);
        var seconds = at.ToUnixTimeSeconds();
        var bucket = series.BucketOf(seconds);
        if (series.Kind == SeriesKind.Count)
        {
            Counts[(series, bucket)] = Counts.GetValueOrDefault((series, bucket)) + 1;
        }
        else
        {
            if (!Values.TryGetValue((series, bucket), out var values))
            {
                Values[(series, bucket)] = values = [];
            }

            values.Add(mark.Value ?? eventId);
        }

        if (mark.Evidence && series == Detector.EvidenceSeries)
        {
            if (!Samples.TryGetValue(bucket, out var ids))
            {
                Samples[bucket] = ids = [];
            }

            // The newest few, as Redis keeps them (LPUSH, LTRIM).
            ids.Add(eventId);
            if (ids.Count > samplesPerBucket)
            {
                ids.RemoveAt(0);
            }
        }

        HasEvidence |= mark.Evidence;
        End = at > End ? at : End;
        Start = at < Start ? at : Start;
    }
}
