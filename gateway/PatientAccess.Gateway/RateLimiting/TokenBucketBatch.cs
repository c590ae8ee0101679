using System.Globalization;
using StackExchange.Redis;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>Turns a batch of decisions into <see cref="TokenBucketScript"/>'s arguments and its answer back into decisions.</summary>
internal static class TokenBucketBatch
{
    /// <summary>Per decision in the script's answer: allowed, wait in milliseconds, tokens left.</summary>
    public const int ResultWidth = 3;

    public static (RedisKey[] Keys, RedisValue[] Values) Arguments(IReadOnlyList<PendingDecision> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // Plain collections and loops: this runs for every request. A key named by several
        // decisions is sent once, with the limit the first of them gives it.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var limits = new List<BucketLimit>();
        var decisions = new List<RedisValue>();
        foreach (var pending in batch)
        {
            decisions.Add(pending.Buckets.Count);
            foreach (var bucket in pending.Buckets)
            {
                if (!index.TryGetValue(bucket.Key, out var position))
                {
                    position = index.Count + 1;
                    index.Add(bucket.Key, position);
                    limits.Add(bucket.Limit);
                }

                decisions.Add(position);
            }
        }

        var keys = new RedisKey[index.Count];
        foreach (var (key, position) in index)
        {
            keys[position - 1] = key;
        }

        var values = new RedisValue[(limits.Count * 2) + decisions.Count];
        for (var i = 0; i < limits.Count; i++)
        {
            values[2 * i] = limits[i].Burst;
            values[(2 * i) + 1] = limits[i].PerSecond.ToString("R", CultureInfo.InvariantCulture);
        }

        decisions.CopyTo(values, limits.Count * 2);
        return (keys, values);
    }

    /// <summary>The <paramref name="position"/>th decision of the script's answer.</summary>
    public static RateLimitDecision Read(RedisResult[] result, int position)
    {
        ArgumentNullException.ThrowIfNull(result);
        var at = position * ResultWidth;
        if (result.Length < at + ResultWidth)
        {
            throw new InvalidOperationException($"the rate-limit script answered {result.Length} values for decision {position}");
        }

        return new RateLimitDecision((long)result[at] == 1, (long)result[at + 2], TimeSpan.FromMilliseconds((long)result[at + 1]), Local: false);
    }
}
