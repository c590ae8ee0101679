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
    /// <summary>Above this many entries, idle ones are swept out (at most once per lease lifetime).</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Lease> _leases = new(StringComparer.Ordinal);
    private readonly int _leaseSize = leaseSize;
    private readonly long _lifetime = leaseMilliseconds * time.TimestampFrequency / 1000;
    private long _nextSweep;

    /// <summary>The key of a set of buckets: one lease per app-and-token (or address) combination.</summary>
    /// <remarks>Built on every request: the one- and two-bucket sets (address; client and token) without LINQ.</remarks>
    public static string KeyOf(IReadOnlyList<RateLimitBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        return buckets.Count switch
        {
            1 => buckets[0].Key,
            2 => string.Concat(buckets[0].Key, "\n", buckets[1].Key),
            _ => string.Join('\n', buckets.Select(b => b.Key)),
        };
    }

    /// <summary>
    /// A decision from a leased token, or null when this replica holds none for these buckets; then
    /// <paramref name="want"/> is how many to ask for with the Redis call. Counts the decision
    /// towards the buckets' demand.
    /// </summary>
    public RateLimitDecision? TryTake(string key, out int want)
    {
        var now = time.GetTimestamp();
        var isNew = !_leases.TryGetValue(key, out var lease);
        if (isNew)
        {
            lease = _leases.GetOrAdd(key, static _ => new Lease());
        }

        var taken = lease!.TryTake(now, _lifetime, counted: true, out var remaining);
        if (isNew)
        {
            // After counting, so the new entry is not idle yet.
            SweepIfLarge(now);
        }

        want = taken ? 0 : Math.Min(_leaseSize, lease.Want);
        return taken ? Leased(remaining) : null;
    }

    /// <summary>A leased token for a decision already counted, which waited for Redis while a grant came in.</summary>
    public RateLimitDecision? TryTakeAgain(string key) =>
        _leases.TryGetValue(key, out var lease) && lease.TryTake(time.GetTimestamp(), _lifetime, counted: false, out var remaining)
            ? Leased(remaining)
            : null;

    private static RateLimitDecision Leased(long remaining) => new(true, remaining, TimeSpan.Zero, Local: false);

    /// <summary>Keys tracked (with tokens, or with decisions in the last two windows, or not yet swept).</summary>
    public int TrackedKeys => _leases.Count;

    /// <summary>Keeps <paramref name="tokens"/> taken ahead; the first of them reports <paramref name="remaining"/> - 1.</summary>
    public void Grant(string key, long tokens, long remaining) =>
        _leases.GetOrAdd(key, static _ => new Lease()).Add(new LeasedTokens(tokens, remaining, time.GetTimestamp() + _lifetime));

    /// <summary>
    /// Every token and address seen gets an entry (its demand), so many of them (an address spray)
    /// must not grow the table without bound: idle entries go, at most once per window.
    /// </summary>
    private void SweepIfLarge(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (_leases.Count <= SweepAbove || now < due || Interlocked.CompareExchange(ref _nextSweep, now + _lifetime, due) != due)
        {
            return;
        }

        foreach (var (key, lease) in _leases)
        {
            // A grant racing this removal is lost with its entry: fewer tokens for one app, once, never more.
            if (lease.IsIdle(now, _lifetime))
            {
                _leases.TryRemove(key, out _);
            }
        }
    }
}
