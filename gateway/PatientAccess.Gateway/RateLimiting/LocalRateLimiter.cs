using System.Collections.Concurrent;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>The same token buckets in this process only: the fallback while Redis is unreachable.</summary>
public sealed class LocalRateLimiter(TimeProvider time)
{
    private const int MaxBuckets = 200_000;
    private readonly ConcurrentDictionary<string, LocalBucket> _buckets = new(StringComparer.Ordinal);

    public RateLimitDecision Decide(IReadOnlyList<RateLimitBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        if (_buckets.Count > MaxBuckets)
        {
            // Idle buckets are full anyway; dropping them all only forgets partial debts.
            _buckets.Clear();
        }

        var now = time.GetTimestamp() / (double)time.TimestampFrequency;
        var states = buckets.Select(b => _buckets.GetOrAdd(b.Key, _ => new LocalBucket(b.Limit.Burst, now))).ToArray();
        // A fixed lock order (by key) so two requests charging the same buckets cannot deadlock.
        var order = Enumerable.Range(0, buckets.Count).OrderBy(i => buckets[i].Key, StringComparer.Ordinal).ToArray();
        var taken = 0;
        try
        {
            foreach (var i in order)
            {
                Monitor.Enter(states[i]);
                taken++;
            }

            var wait = 0.0;
            var levels = new double[buckets.Count];
            for (var i = 0; i < buckets.Count; i++)
            {
                var limit = buckets[i].Limit;
                levels[i] = Math.Min(limit.Burst, states[i].Level + (Math.Max(0, now - states[i].Time) * limit.PerSecond));
                if (levels[i] < 1)
                {
                    wait = Math.Max(wait, (1 - levels[i]) / limit.PerSecond);
                }
            }

            var allowed = wait == 0;
            long remaining = long.MaxValue;
            for (var i = 0; i < buckets.Count; i++)
            {
                states[i].Level = allowed ? levels[i] - 1 : levels[i];
                states[i].Time = now;
                remaining = Math.Min(remaining, (long)Math.Floor(states[i].Level));
            }

            return new RateLimitDecision(allowed, Math.Max(0, remaining), TimeSpan.FromSeconds(wait), Local: true);
        }
        finally
        {
            for (var k = 0; k < taken; k++)
            {
                Monitor.Exit(states[order[k]]);
            }
        }
    }

    private sealed class LocalBucket(double level, double time)
    {
        public double Level { get; set; } = level;

        public double Time { get; set; } = time;
    }
}
