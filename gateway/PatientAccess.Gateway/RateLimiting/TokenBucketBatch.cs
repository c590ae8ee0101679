using System.Globalization;
using StackExchange.Redis;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// One script call's worth of decisions: <see cref="TokenBucketScript"/>'s arguments, and its answer
/// turned back into one decision per request. Consecutive requests charging the same buckets (one
/// busy app, one token) travel as one group, so a batch of them costs Redis the same as one.
/// </summary>
internal sealed class TokenBucketBatch
{
    /// <summary>Per group in the script's answer: allowed count, wait in milliseconds, whole tokens before, tokens leased.</summary>
    private const int ResultWidth = 4;

    private readonly int[] _group;
    private readonly int[] _rank;
    private readonly List<int> _groupStart = [];

    /// <param name="batch">The decisions, in arrival order; a group asks for the tokens ahead its latest decision wants.</param>
    public TokenBucketBatch(IReadOnlyList<PendingDecision> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // Plain collections and loops: this runs for every request. A key named by several
        // decisions is sent once, with the limit the first of them gives it.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var limits = new List<BucketLimit>();
        var groups = new List<RedisValue>();
        _group = new int[batch.Count];
        _rank = new int[batch.Count];
        var groupCount = -1;
        var countAt = -1;
        for (var d = 0; d < batch.Count; d++)
        {
            var buckets = batch[d].Buckets;
            if (d > 0 && SameBuckets(batch[d - 1].Buckets, buckets))
            {
                _group[d] = groupCount;
                _rank[d] = _rank[d - 1] + 1;
                groups[countAt] = _rank[d] + 1;
                groups[countAt + 1] = batch[d].LeaseWant;
                continue;
            }

            groupCount++;
            _group[d] = groupCount;
            _groupStart.Add(d);
            countAt = groups.Count;
            groups.Add(1);
            groups.Add(batch[d].LeaseWant);
            groups.Add(buckets.Count);
            foreach (var bucket in buckets)
            {
                if (!index.TryGetValue(bucket.Key, out var position))
                {
                    position = index.Count + 1;
                    index.Add(bucket.Key, position);
                    limits.Add(bucket.Limit);
                }

                groups.Add(position);
            }
        }

        Keys = new RedisKey[index.Count];
        foreach (var (key, position) in index)
        {
            Keys[position - 1] = key;
        }

        Values = new RedisValue[(limits.Count * 2) + groups.Count];
        for (var i = 0; i < limits.Count; i++)
        {
            Values[2 * i] = limits[i].Burst;
            Values[(2 * i) + 1] = limits[i].PerSecond.ToString("R", CultureInfo.InvariantCulture);
        }

        groups.CopyTo(Values, limits.Count * 2);
    }

    public RedisKey[] Keys { get; }

    public RedisValue[] Values { get; }

    /// <summary>
    /// The <paramref name="position"/>th request's decision. Within its group the first ones were
    /// allowed, each finding one token less than the one before; the others were refused.
    /// </summary>
    public RateLimitDecision Decision(RedisResult[] result, int position)
    {
        ArgumentNullException.ThrowIfNull(result);
        var at = _group[position] * ResultWidth;
        if (result.Length < at + ResultWidth)
        {
            throw new InvalidOperationException($"the rate-limit script answered {result.Length} values for group {_group[position]}");
        }

        var allowed = (long)result[at];
        var whole = (long)result[at + 2];
        var rank = _rank[position];
        return rank < allowed
            ? new RateLimitDecision(true, Math.Max(0, whole - (rank + 1)), TimeSpan.Zero, Local: false)
            : new RateLimitDecision(false, Math.Max(0, whole - allowed), TimeSpan.FromMilliseconds((long)result[at + 1]), Local: false);
    }

    /// <summary>
    /// The tokens the script took ahead, per group that got any: the position of the group's first
    /// decision (whose buckets the lease is for), the tokens, and the remaining figure after the
    /// group's own decisions, from which the leased tokens count down.
    /// </summary>
    public IEnumerable<(int Position, long Tokens, long Remaining)> Leases(RedisResult[] result)
    {
        ArgumentNullException.ThrowIfNull(result);
        for (var g = 0; g < _groupStart.Count; g++)
        {
            var at = g * ResultWidth;
            if (result.Length >= at + ResultWidth && (long)result[at + 3] is > 0 and var tokens)
            {
                yield return (_groupStart[g], tokens, (long)result[at + 2] - (long)result[at]);
            }
        }
    }

    private static bool SameBuckets(IReadOnlyList<RateLimitBucket> a, IReadOnlyList<RateLimitBucket> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Key, b[i].Key, StringComparison.Ordinal) || a[i].Limit.Burst != b[i].Limit.Burst || a[i].Limit.PerSecond != b[i].Limit.PerSecond)
            {
                return false;
            }
        }

        return true;
    }
}
