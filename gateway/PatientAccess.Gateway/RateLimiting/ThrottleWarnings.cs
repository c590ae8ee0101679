using System.Collections.Concurrent;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// The warning for a throttle the rate-limit script found malformed and ignored: at most one a
/// minute per throttle key and replica, since every decision of a busy app would find it again.
/// The key names the app (its client_id), never a member or a token.
/// </summary>
internal sealed partial class ThrottleWarnings(TimeProvider time, ILogger logger)
{
    private const int MaxTracked = 10_000;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, long> _warnedAt = new(StringComparer.Ordinal);

    public void Malformed(string throttleKey)
    {
        var now = time.GetTimestamp();
        if (_warnedAt.TryGetValue(throttleKey, out var last) && time.GetElapsedTime(last, now) < Interval)
        {
            return;
        }

        if (_warnedAt.Count > MaxTracked)
        {
            _warnedAt.Clear();
        }

        _warnedAt[throttleKey] = now;
        LogMalformed(logger, throttleKey);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Throttle {Key} is malformed (it must be a hash with per_second from 0.001 to 1000000 and a whole burst from 1 to 1000000) and is ignored: the app's normal limit applies")]
    private static partial void LogMalformed(ILogger logger, string key);
}
