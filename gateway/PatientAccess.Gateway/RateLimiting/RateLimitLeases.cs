using System.Collections.Concurrent;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// Tokens this replica took from the shared buckets ahead of need (<see cref="RateLimitOptions.LeaseSize"/>),
/// so that a busy app's decisions are mostly answered in-process instead of each waiting for Redis.
/// </summary>
/// <remarks>
/// Why this keeps the shared limit: every leased token was taken out of the Redis bucket by the
/// same atomic script call that made a decision, so the replicas together can never admit more
/// than the bucket holds. The script only leases out of plenty (at most an eighth of what is left,
/// see <see cref="TokenBucketScript"/>), so near the limit there is nothing to lease and every
/// decision is a Redis call again, exact to the request. What a lease can cost: tokens that lapse
/// unused after <see cref="RateLimitOptions.LeaseMilliseconds"/> (the app gets that many fewer,
/// once), and tokens spent up to that long after they were taken (a burst can run that many
/// tokens' worth of refill over). Only buckets in steady use get a lease (half their recent
/// demand, see <see cref="Lease.Want"/>), so a token used once or twice takes nothing ahead.
/// </remarks>
internal sealed class RateLimitLeases(TimeProvider time, int leaseSize, int leaseMilliseconds)
{
    /// <summary>Above this many entries, lapsed ones are swept out (at most once per lease lifetime).</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Lease> _leases = new(StringComparer.Ordinal);
    private readonly int _leaseSize = leaseSize;
    private readonly long _lifetime = leaseMilliseconds * time.TimestampFrequency / 1000;
    private long _nextSweep;

    /// <summary>The key of a set of buckets: one lease per app-and-token (or address) combination.</summary>
    public static string KeyOf(IReadOnlyList<RateLimitBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        return buckets.Count == 1 ? buckets[0].Key : string.Join('\n', buckets.Select(b => b.Key));
    }

    /// <summary>
    /// A decision from a leased token, or null when this replica holds none for these buckets; then
    /// <paramref name="want"/> is how many to ask for with the Redis call. Counts the decision
    /// towards the buckets' demand.
    /// </summary>
    public RateLimitDecision? TryTake(string key, out int want)
    {
        var lease = _leases.GetOrAdd(key, static _ => new Lease());
        if (lease.TryTake(time.GetTimestamp(), _lifetime, counted: true, out var remaining))
        {
            want = 0;
            return Leased(remaining);
        }

        want = Math.Min(_leaseSize, lease.Want);
        return null;
    }

    /// <summary>A leased token for a decision already counted, which waited for Redis while a grant came in.</summary>
    public RateLimitDecision? TryTakeAgain(string key) =>
        _leases.TryGetValue(key, out var lease) && lease.TryTake(time.GetTimestamp(), _lifetime, counted: false, out var remaining)
            ? Leased(remaining)
            : null;

    private static RateLimitDecision Leased(long remaining) => new(true, remaining, TimeSpan.Zero, Local: false);

    /// <summary>Keeps <paramref name="tokens"/> taken ahead; the first of them reports <paramref name="remaining"/> - 1.</summary>
    public void Grant(string key, long tokens, long remaining)
    {
        var now = time.GetTimestamp();
        _leases.GetOrAdd(key, static _ => new Lease()).Add(new LeasedTokens(tokens, remaining, now + _lifetime));
        if (_leases.Count > SweepAbove && now >= Interlocked.Read(ref _nextSweep))
        {
            Interlocked.Exchange(ref _nextSweep, now + _lifetime);
            foreach (var (k, lease) in _leases)
            {
                // A grant racing this removal is lost with its entry: fewer tokens for one app, once, never more.
                if (lease.IsIdle(now, _lifetime))
                {
                    _leases.TryRemove(k, out _);
                }
            }
        }
    }
}
