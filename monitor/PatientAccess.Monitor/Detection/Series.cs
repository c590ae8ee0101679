namespace PatientAccess.Monitor.Detection;

/// <summary>
/// One thing a detector counts per app (<c>Metric</c>, kept as <c>Kind</c>), in buckets of
/// <c>BucketSeconds</c>; <c>Buckets</c> of them are summed (the window, or for baselines the
/// history). <c>AcrossReinstatements</c>: kept through a staff reinstatement (a baseline's history);
/// other series start again from zero at a reinstatement, so the app is not flagged again for the
/// evidence staff already judged.
/// </summary>
internal sealed record Series(string Metric, SeriesKind Kind, int BucketSeconds, int Buckets, bool AcrossReinstatements = false)
{
    public long BucketOf(long unixSeconds) => unixSeconds - (((unixSeconds % BucketSeconds) + BucketSeconds) % BucketSeconds);

    /// <summary>The bucket starts of the <see cref="Buckets"/> buckets ending with the one holding <paramref name="endSeconds"/>, oldest first.</summary>
    public long[] WindowBuckets(long endSeconds)
    {
        var last = BucketOf(endSeconds);
        var starts = new long[Buckets];
        for (var i = 0; i < Buckets; i++)
        {
            starts[i] = last - ((long)(Buckets - 1 - i) * BucketSeconds);
        }

        return starts;
    }
}
