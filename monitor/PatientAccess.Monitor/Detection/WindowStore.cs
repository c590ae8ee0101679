using System.Globalization;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Detection;

/// <summary>
/// The detectors' windows in Redis, shared by every monitor process: one key per detector, series,
/// bucket and app (<c>patientaccess:detect:{detector}:{metric}:{epoch}:{bucket}:{client_id}</c>,
/// the client id last so no id can collide with another key), expiring once its bucket has left the
/// window. A batch is one pipeline: every increment, then every window sum, so a sum sees the
/// batch's own counts and those every other process added before.
/// </summary>
internal sealed class WindowStore(RedisConnection redis, IOptions<DetectionOptions> options)
{
    public const string Prefix = "patientaccess:detect";

    private static string EpochKey(string detector, string clientId) => $"{Prefix}:{detector}:epoch:{clientId}";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static RedisKey Key(Detector detector, Series series, long epoch, long bucket, string clientId) =>
        $"{Prefix}:{detector.Name}:{series.Metric}:{(series.AcrossReinstatements ? "h" : Number(epoch))}:{Number(bucket)}:{clientId}";

    private static RedisKey SampleKey(Detector detector, long epoch, long bucket, string clientId) =>
        $"{Prefix}:{detector.Name}:samples:{Number(epoch)}:{Number(bucket)}:{clientId}";

    private static RedisKey FirstSeenKey(Detector detector, string clientId) => $"{Prefix}:{detector.Name}:first:{clientId}";

    private static TimeSpan Lifetime(Series series) => TimeSpan.FromSeconds((long)(series.Buckets + 1) * series.BucketSeconds);

    /// <summary>Each (detector, app)'s epoch (Unix ms; 0: never restarted), one round trip.</summary>
    public async Task<Dictionary<(string Detector, string Client), long>> EpochsAsync(IReadOnlyList<(string Detector, string Client)> pairs)
    {
        var values = await redis.Database.StringGetAsync([.. pairs.Select(p => (RedisKey)EpochKey(p.Detector, p.Client))]);
        var result = new Dictionary<(string, string), long>();
        for (var i = 0; i < pairs.Count; i++)
        {
            result[pairs[i]] = values[i].TryParse(out long ms) ? ms : 0;
        }

        return result;
    }

    /// <summary>
    /// The app's counts for <paramref name="detectors"/> start again from <paramref name="at"/>: only
    /// events after it count (a staff reinstatement: all detectors; a throttle that ran out: its own,
    /// so the refusals the throttle itself caused do not count against the app again). Kept twice the
    /// longest window, longer than any event from before it could still be counted.
    /// </summary>
    public async Task SetEpochAsync(string clientId, IEnumerable<string> detectors, DateTimeOffset at)
    {
        var o = options.Value;
        var longest = new[] { o.WriteAttempts, o.TooManyRequests, o.NonUs, o.Erratic, o.UnusualAuthorizations, o.TokenAbuse }.Max(d => d.WindowSeconds);
        var keep = TimeSpan.FromSeconds((2L * longest) + o.MaxFutureSkewSeconds);
        var batch = redis.Database.CreateBatch();
        var sets = detectors.Select(d => batch.StringSetAsync(EpochKey(d, clientId), Number(at.ToUnixTimeMilliseconds()), keep)).ToList();
        batch.Execute();
        await Task.WhenAll(sets);
    }

    /// <summary>Adds the tallies and reads the window of each that added evidence (null for the others), in one pipeline.</summary>
    public async Task<List<WindowReading?>> RecordAndReadAsync(IReadOnlyList<AppTally> tallies, int samplesPerBucket)
    {
        var db = redis.Database;
        var batch = db.CreateBatch();
        var writes = new List<Task>();
        foreach (var tally in tallies)
        {
            Write(batch, tally, samplesPerBucket, writes);
        }

        var reads = tallies.Select(t => t.HasEvidence ? Read(batch, t) : null).ToList();
        batch.Execute();
        await Task.WhenAll(writes);
        var readings = new List<WindowReading?>(reads.Count);
        foreach (var read in reads)
        {
            readings.Add(read is null ? null : await read);
        }

        return readings;
    }

    /// <summary>The evidence of a crossing: the newest sample event ids of the window and its labels (countries), summed.</summary>
    public async Task<(List<string> Samples, SortedDictionary<string, long> Labels)> EvidenceAsync(Detector detector, string clientId, long epoch, DateTimeOffset end, int samples)
    {
        var db = redis.Database;
        var evidence = detector.EvidenceSeries;
        var buckets = evidence.WindowBuckets(end.ToUnixTimeSeconds());
        var batch = db.CreateBatch();
        var lists = buckets.Reverse().Select(b => batch.ListRangeAsync(SampleKey(detector, epoch, b, clientId), 0, samples - 1)).ToList();
        var labels = detector.Series.Where(s => s.Kind == SeriesKind.Labels)
            .SelectMany(s => s.WindowBuckets(end.ToUnixTimeSeconds()).Select(b => batch.HashGetAllAsync(Key(detector, s, epoch, b, clientId))))
            .ToList();
        batch.Execute();
        var ids = new List<string>(samples);
        foreach (var list in lists)
        {
            ids.AddRange((await list).Select(v => (string)v!).Take(samples - ids.Count));
        }

        var sums = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var entries in labels)
        {
            foreach (var entry in await entries)
            {
                sums[(string)entry.Name!] = sums.GetValueOrDefault((string)entry.Name!) + (entry.Value.TryParse(out long n) ? n : 0);
            }
        }

        return (ids, sums);
    }

    private static void Write(IBatch batch, AppTally tally, int samplesPerBucket, List<Task> writes)
    {
        var detector = tally.Detector;
        foreach (var ((series, bucket), count) in tally.Counts)
        {
            var key = Key(detector, series, tally.Epoch, bucket, tally.ClientId);
            writes.Add(batch.StringIncrementAsync(key, count));
            writes.Add(batch.KeyExpireAsync(key, Lifetime(series)));
        }

        foreach (var ((series, bucket), values) in tally.Values)
        {
            var key = Key(detector, series, tally.Epoch, bucket, tally.ClientId);
            if (series.Kind == SeriesKind.Distinct)
            {
                writes.Add(batch.HyperLogLogAddAsync(key, [.. values.Select(v => (RedisValue)v)]));
            }
            else
            {
                foreach (var group in values.GroupBy(v => v, StringComparer.Ordinal))
                {
                    writes.Add(batch.HashIncrementAsync(key, group.Key, group.Count()));
                }
            }

            writes.Add(batch.KeyExpireAsync(key, Lifetime(series)));
        }

        foreach (var (bucket, ids) in tally.Samples)
        {
            var key = SampleKey(detector, tally.Epoch, bucket, tally.ClientId);
            writes.Add(batch.ListLeftPushAsync(key, [.. ids.Select(i => (RedisValue)i)]));
            writes.Add(batch.ListTrimAsync(key, 0, samplesPerBucket - 1));
            writes.Add(batch.KeyExpireAsync(key, Lifetime(detector.EvidenceSeries)));
        }

        if (detector.TracksFirstSeen)
        {
            var key = FirstSeenKey(detector, tally.ClientId);
            var keep = detector.Series.Max(Lifetime);
            writes.Add(batch.StringSetAsync(key, Number(tally.Start.ToUnixTimeMilliseconds()), keep, When.NotExists));
            writes.Add(batch.KeyExpireAsync(key, keep));
        }
    }

    private static async Task<WindowReading> Read(IBatch batch, AppTally tally)
    {
        var detector = tally.Detector;
        var end = tally.End.ToUnixTimeSeconds();
        var counts = new Dictionary<string, Task<RedisValue[]>>(StringComparer.Ordinal);
        var distinct = new Dictionary<string, Task<long>>(StringComparer.Ordinal);
        foreach (var series in detector.Series)
        {
            var keys = series.WindowBuckets(end).Select(b => Key(detector, series, tally.Epoch, b, tally.ClientId)).ToArray();
            if (series.Kind == SeriesKind.Count)
            {
                counts[series.Metric] = batch.StringGetAsync(keys);
            }
            else if (series.Kind == SeriesKind.Distinct)
            {
                distinct[series.Metric] = batch.HyperLogLogLengthAsync(keys);
            }
        }

        var first = detector.TracksFirstSeen ? batch.StringGetAsync(FirstSeenKey(detector, tally.ClientId)) : null;
        var countValues = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (metric, task) in counts)
        {
            countValues[metric] = [.. (await task).Select(v => v.TryParse(out long n) ? n : 0)];
        }

        var distinctValues = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (metric, task) in distinct)
        {
            distinctValues[metric] = await task;
        }

        DateTimeOffset? firstSeen = first is not null && (await first).TryParse(out long ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        return new WindowReading(tally.ClientId, tally.End, countValues, distinctValues, firstSeen);
    }
}
