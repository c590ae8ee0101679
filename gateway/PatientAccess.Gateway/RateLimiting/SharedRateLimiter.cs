using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Observability;
using PatientAccess.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// Decides with the buckets in Redis, shared by every replica. One script call is in flight at a
/// time and carries every decision that arrived while the previous one was out (up to
/// <see cref="RateLimitOptions.BatchSize"/>): a lone request goes out at once, as before, while
/// under load one call answers many requests, which is where the gateway's CPU went. A call may
/// also take a few tokens ahead for this replica (<see cref="RateLimitLeases"/>), so a busy app's
/// next decisions need no Redis call and no wait at all. While Redis
/// is unreachable, does not answer within the Redis timeout, or failed within
/// <see cref="RateLimitOptions.RedisRetryMilliseconds"/>, applies
/// <see cref="RateLimitOptions.RedisDownPolicy"/> at once and says so in logs and metrics.
/// </summary>
public sealed partial class SharedRateLimiter(
    RedisConnection redis,
    LocalRateLimiter local,
    IOptions<RateLimitOptions> options,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<SharedRateLimiter> logger)
{
    private readonly RateLimitOptions _options = options.Value;
    private readonly ConcurrentQueue<PendingDecision> _queue = new();
    private readonly RateLimitLeases? _leases = options.Value.LeaseSize > 0 ? new(time, options.Value.LeaseSize, options.Value.LeaseMilliseconds) : null;
    private readonly ThrottleWarnings _throttleWarnings = new(time, logger);
    private int _sending;
    private long _retryAt;

    public Task<RateLimitDecision> DecideAsync(IReadOnlyList<RateLimitBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        // Leased tokens first, Redis or not: they are already out of the shared bucket.
        var leaseKey = _leases is null ? null : RateLimitLeases.KeyOf(buckets);
        var want = 0;
        if (leaseKey is not null && _leases!.TryTake(leaseKey, out want) is { } leased)
        {
            return Task.FromResult(leased);
        }

        if (time.GetTimestamp() < Interlocked.Read(ref _retryAt))
        {
            return Task.FromResult(Fallback(buckets));
        }

        // Never waits for a connect: a cold process decides locally until the connection is up.
        switch (redis.CreatedMultiplexer)
        {
            case null:
                SetFallback(true, "connecting");
                return Task.FromResult(Fallback(buckets));
            case { IsConnected: false }:
                SetFallback(true, "not connected");
                return Task.FromResult(Fallback(buckets));
        }

        var pending = new PendingDecision(buckets, leaseKey, want);
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _sending, 1, 0) == 0)
        {
            _ = SendAsync();
        }

        return pending.Task;
    }

    /// <summary>Runs while decisions wait: sends the next batch as soon as the previous answer is in, then hands that answer out.</summary>
    private async Task SendAsync()
    {
        var batch = TakeBatch();
        var call = batch is null ? null : EvaluateAsync(batch);
        while (batch is not null)
        {
            var outcome = await call!;
            var next = TakeBatch();
            var nextCall = next is null ? null : EvaluateAsync(next);
            Complete(batch, outcome);
            (batch, call) = (next, nextCall);
        }
    }

    /// <summary>The waiting decisions, or null after giving up the sender's role when none wait.</summary>
    private List<PendingDecision>? TakeBatch()
    {
        while (true)
        {
            List<PendingDecision>? batch = null;
            while ((batch?.Count ?? 0) < _options.BatchSize && _queue.TryDequeue(out var pending))
            {
                // The previous call may have leased tokens for a decision that queued meanwhile:
                // spent here, they are not left to lapse while that decision asks Redis.
                if (TryLease(pending.LeaseKey) is { } leased)
                {
                    pending.CompleteElsewhere(leased);
                    continue;
                }

                (batch ??= []).Add(pending);
            }

            if (batch is not null)
            {
                return batch;
            }

            // Give the role up, then look once more: a decision queued just before would otherwise wait for the next one.
            Volatile.Write(ref _sending, 0);
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _sending, 1, 0) != 0)
            {
                return null;
            }
        }
    }

    private async Task<BatchOutcome> EvaluateAsync(List<PendingDecision> batch)
    {
        try
        {
            var call = new TokenBucketBatch(batch);
            metrics.RateLimitBatch(batch.Count);
            var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(TokenBucketScript.Source, call.Keys, call.Values).WaitAsync(redis.Timeout))!;
            var decisions = new RateLimitDecision[batch.Count];
            for (var i = 0; i < decisions.Length; i++)
            {
                decisions[i] = call.Decision(result, i);
            }

            foreach (var malformed in call.MalformedThrottles(result, batch))
            {
                _throttleWarnings.Malformed(malformed);
            }

            // Kept before the decisions are handed out, so the requests they release find the lease.
            foreach (var (position, tokens, remaining) in call.Leases(result))
            {
                _leases!.Grant(batch[position].LeaseKey!, tokens, remaining);
                metrics.RateLimitLeased(tokens);
            }

            return new BatchOutcome(decisions, null, null);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new BatchOutcome(null, ex.GetType().Name, null);
        }
        catch (Exception ex)
        {
            // Anything else is a defect: those requests fail (and are audited as such), they do not hang.
            return new BatchOutcome(null, null, ex);
        }
    }

    private void Complete(List<PendingDecision> batch, BatchOutcome outcome)
    {
        if (outcome.RedisError is not null)
        {
            Interlocked.Exchange(ref _retryAt, time.GetTimestamp() + (_options.RedisRetryMilliseconds * time.TimestampFrequency / 1000));
            SetFallback(true, outcome.RedisError);
        }
        else if (outcome.Decisions is not null)
        {
            SetFallback(false, null);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            if (outcome.Defect is { } defect)
            {
                pending.Fail(defect);
                continue;
            }

            var decision = outcome.Decisions is { } decisions ? decisions[i] : Fallback(pending.Buckets);
            // Never refused while this replica holds tokens for the same buckets (leased by a call
            // that overtook this decision): they are the app's, already out of the shared bucket.
            if (!decision.Allowed && TryLease(pending.LeaseKey) is { } leased)
            {
                decision = leased;
            }

            if (i == batch.Count - 1)
            {
                pending.Complete(decision);
            }
            else
            {
                pending.CompleteElsewhere(decision);
            }
        }
    }

    private RateLimitDecision? TryLease(string? key) => key is null ? null : _leases!.TryTakeAgain(key);

    private RateLimitDecision Fallback(IReadOnlyList<RateLimitBucket> buckets) =>
        _options.RedisDownPolicy == RedisDownPolicy.LocalLimits
            ? local.Decide(buckets)
            : new RateLimitDecision(false, 0, TimeSpan.FromSeconds(1), Local: true, Unavailable: true);

    private void SetFallback(bool active, string? why)
    {
        if (metrics.IsRedisFallback == active)
        {
            return;
        }

        metrics.RedisFallback(active);
        if (active)
        {
            LogFallback(logger, why ?? "unknown", _options.RedisDownPolicy);
        }
        else
        {
            LogRecovered(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unreachable for rate limits ({Why}); policy {Policy} applies until it returns")]
    private static partial void LogFallback(ILogger logger, string why, RedisDownPolicy policy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis reachable again: rate limits are shared by all replicas again")]
    private static partial void LogRecovered(ILogger logger);
}
