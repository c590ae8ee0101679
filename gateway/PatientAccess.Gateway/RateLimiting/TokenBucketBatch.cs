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
    /// <summary>
    /// Per group in the script's answer: allowed count, wait in milliseconds, whole tokens before,
    /// tokens leased, throttle state, throttle burst, throttle rate (text).
    /// </summary>
    private const int ResultWidth = 7;

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
        var throttleOf = new List<string?>();
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
                    throttleOf.Add(bucket.ThrottleKey);
                }

                groups.Add(position);
            }
        }

        // Throttle keys go after the bucket keys, each once (an app's tokens all name its throttle).
        var throttles = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var throttle in throttleOf)
        {
            if (throttle is not null && !index.ContainsKey(throttle))
            {
                throttles.TryAdd(throttle, index.Count + throttles.Count + 1);
            }
        }

        Keys = new RedisKey[index.Count + throttles.Count];
        foreach (var (key, position) in index)
        {
            Keys[position - 1] = key;
        }

        foreach (var (key, position) in throttles)
        {
            Keys[position - 1] = key;
        }

        Values = new RedisValue[1 + (limits.Count * 3) + groups.Count];
        Values[0] = limits.Count;
        for (var i = 0; i < limits.Count; i++)
        {
            Values[1 + (3 * i)] = limits[i].Burst;
            Values[2 + (3 * i)] = limits[i].PerSecond.ToString("R", CultureInfo.InvariantCulture);
            Values[3 + (3 * i)] = throttleOf[i] is { } throttle && throttles.TryGetValue(throttle, out var at) ? at : 0;
        }

        groups.CopyTo(Values, 1 + (limits.Count * 3));
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
        var throttle = Throttle(result, at);
        return rank < allowed
            ? new RateLimitDecision(true, Math.Max(0, whole - (rank + 1)), TimeSpan.Zero, Local: false, Throttle: throttle)
            : new RateLimitDecision(false, Math.Max(0, whole - allowed), TimeSpan.FromMilliseconds((long)result[at + 1]), Local: false, Throttle: throttle);
    }

    /// <summary>The throttle keys the script found malformed (and ignored), once each.</summary>
    public IEnumerable<string> MalformedThrottles(RedisResult[] result, IReadOnlyList<PendingDecision> batch)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(batch);
        HashSet<string>? seen = null;
        for (var g = 0; g < _groupStart.Count; g++)
        {
            var at = g * ResultWidth;
            if (result.Length < at + ResultWidth || (long)result[at + 4] != ThrottleMalformed)
            {
                continue;
            }

            foreach (var bucket in batch[_groupStart[g]].Buckets)
            {
                if (bucket.ThrottleKey is { } key && (seen ??= new(StringComparer.Ordinal)).Add(key))
                {
                    yield return key;
                }
            }
        }
    }

    private const long ThrottleApplied = 1;
    private const long ThrottleMalformed = 2;

    /// <summary>The throttle in force on the group's buckets, as the script read it; null when none (or a malformed one) applied.</summary>
    private static BucketLimit? Throttle(RedisResult[] result, int at) =>
        (long)result[at + 4] == ThrottleApplied
        && double.TryParse((string?)result[at + 6], NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond)
            ? BucketLimit.Of((int)(long)result[at + 5], perSecond)
            : null;

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
            if (!string.Equals(a[i].Key, b[i].Key, StringComparison.Ordinal) || a[i].Limit.Burst != b[i].Limit.Burst || a[i].Limit.PerSecond != b[i].Limit.PerSecond
                || !string.Equals(a[i].ThrottleKey, b[i].ThrottleKey, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
