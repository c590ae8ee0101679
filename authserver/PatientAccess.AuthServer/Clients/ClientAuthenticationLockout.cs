using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// Counts failed client authentications per client_id in fixed one-minute windows. Per
/// process: with N replicas an attacker gets at most N times the budget, which still keeps
/// guessing a 256-bit secret hopeless while costing no Redis round trip per token request.
/// </summary>
internal sealed class ClientAuthenticationLockout(IOptions<ClientAuthenticationOptions> options, TimeProvider time)
{
    private const int MaxTracked = 50_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Seconds until the client may try again, or null when it is not locked out.</summary>
    public int? LockedFor(string clientId)
    {
        var minute = CurrentMinute(out var secondsLeft);
        return _windows.TryGetValue(clientId, out var window) && window.Minute == minute && window.Failures >= options.Value.MaxFailuresPerMinute
            ? secondsLeft
            : null;
    }

    public void RecordFailure(string clientId)
    {
        var minute = CurrentMinute(out _);
        if (_windows.Count >= MaxTracked)
        {
            foreach (var stale in _windows.Where(w => w.Value.Minute != minute).Select(w => w.Key).ToList())
            {
                _windows.TryRemove(stale, out _);
            }
        }

        _windows.AddOrUpdate(clientId, _ => new Window(minute, 1), (_, w) => w.Minute == minute ? w with { Failures = w.Failures + 1 } : new Window(minute, 1));
    }

    private long CurrentMinute(out int secondsLeft)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        secondsLeft = (int)(60 - (now % 60));
        return now / 60;
    }

    private sealed record Window(long Minute, int Failures);
}
