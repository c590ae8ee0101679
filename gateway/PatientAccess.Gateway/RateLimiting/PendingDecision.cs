namespace PatientAccess.Gateway.RateLimiting;

/// <summary>A request's decision waiting for its batch's Redis call.</summary>
internal sealed class PendingDecision(IReadOnlyList<RateLimitBucket> buckets, string? leaseKey, int leaseWant)
{
    // Continuations are not forced onto the thread pool: the batch completes its last decision
    // inline (the request carries on where the Redis answer arrived) and hands the others out.
    private readonly TaskCompletionSource<RateLimitDecision> _done = new();

    public IReadOnlyList<RateLimitBucket> Buckets => buckets;

    /// <summary>Where tokens taken ahead for these buckets go; null when leases are off.</summary>
    public string? LeaseKey => leaseKey;

    /// <summary>Tokens to take ahead for <see cref="LeaseKey"/> with this decision's Redis call.</summary>
    public int LeaseWant => leaseWant;

    public Task<RateLimitDecision> Task => _done.Task;

    public void Complete(RateLimitDecision decision) => _done.TrySetResult(decision);

    public void Fail(Exception exception) => _done.TrySetException(exception);

    /// <summary>Completes on a thread-pool thread, so that this request does not hold up the rest of its batch.</summary>
    public void CompleteElsewhere(RateLimitDecision decision) =>
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Pending.Complete(state.Decision), (Pending: this, Decision: decision), preferLocal: false);
}
