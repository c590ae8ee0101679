namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// The tokens this replica holds for one set of buckets, grant by grant, oldest first, and how
/// many decisions that set asked for lately. Each grant's tokens were the next ones in the shared
/// bucket when taken, so spending them in that order keeps the <c>RateLimit</c> remaining figures
/// one apart, as if every decision had been a Redis call.
/// </summary>
internal sealed class Lease
{
    private readonly Queue<LeasedTokens> _grants = new(2);
    private long _windowStart;
    private int _count;
    private int _previous;

    /// <summary>
    /// Spends one token, or answers false when none is left that has not lapsed. A new decision
    /// (<paramref name="counted"/>) also counts towards the demand; a queued one that asks again does not.
    /// </summary>
    public bool TryTake(long now, long window, bool counted, out long remaining)
    {
        lock (_grants)
        {
            if (counted)
            {
                if (now - _windowStart >= window)
                {
                    _previous = now - _windowStart >= 2 * window ? 0 : _count;
                    _count = 0;
                    _windowStart = now;
                }

                _count++;
            }

            while (_grants.TryPeek(out var oldest))
            {
                if (oldest.Tokens > 0 && oldest.ExpiresAt > now)
                {
                    oldest.Tokens--;
                    oldest.Remaining--;
                    remaining = Math.Max(0, oldest.Remaining);
                    return true;
                }

                // Spent or lapsed: lapsed tokens are given up, never used late (see RateLimitLeases).
                _grants.Dequeue();
            }
        }

        remaining = 0;
        return false;
    }

    /// <summary>
    /// Tokens worth taking ahead: half the decisions of the busier of this window and the last, so
    /// a token used once or twice never strands any of its app's allowance in a lease.
    /// </summary>
    public int Want
    {
        get
        {
            lock (_grants)
            {
                return Math.Max(_count, _previous) / 2;
            }
        }
    }

    public void Add(LeasedTokens grant)
    {
        lock (_grants)
        {
            _grants.Enqueue(grant);
        }
    }

    /// <summary>True when no tokens are held and no decision came within the last two windows, so the entry can go.</summary>
    public bool IsIdle(long now, long window)
    {
        lock (_grants)
        {
            return now - _windowStart >= 2 * window && _grants.All(g => g.Tokens == 0 || g.ExpiresAt <= now);
        }
    }
}
