using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// Counts failed client authentications per client and source address in fixed one-minute
/// windows. It is consulted only after a credential has been checked and found wrong, so it
/// can never refuse a correct one: it decides how a failure is answered (401, or 429 with
/// Retry-After once over budget) and whether the failure is still written to the audit
/// stream, so an outsider's junk cannot flood the audit trail. There is no account lockout:
/// client secrets carry 256 random bits, which no rate of guessing can reach (issue 12 item 2).
/// Per process: with N replicas the budget is N times larger, which changes only when the
/// 429 starts, never who gets tokens, and costs no Redis round trip.
/// </summary>
internal sealed class ClientAuthenticationThrottle(IOptions<ClientAuthenticationOptions> options, TimeProvider time)
{
    /// <summary>Enough for every client behind every address a busy minute sees; beyond it failures are simply answered 401.</summary>
    private const int MaxTracked = 50_000;
    private readonly ConcurrentDictionary<(string Client, string Address), Window> _windows = new();

    /// <summary>
    /// Records one failure; returns the seconds until the window ends when this (client, address)
    /// is over budget, null while it is within. <paramref name="first"/> is true for the failure
    /// that first goes over, so the caller can note that once.
    /// </summary>
    public int? RecordFailure(string client, IPAddress? address, out bool first)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var minute = now / 60;
        var key = (client, address?.ToString() ?? "unknown");
        if (_windows.Count >= MaxTracked && !_windows.ContainsKey(key))
        {
            Sweep(minute);
            if (_windows.Count >= MaxTracked)
            {
                first = false;
                return null;
            }
        }

        var window = _windows.AddOrUpdate(key, _ => new Window(minute, 1), (_, w) => w.Minute == minute ? w with { Failures = w.Failures + 1 } : new Window(minute, 1));
        var budget = options.Value.MaxFailuresPerMinute;
        first = window.Failures == budget + 1;
        return window.Failures > budget ? (int)(60 - (now % 60)) : null;
    }

    private void Sweep(long minute)
    {
        foreach (var stale in _windows.Where(w => w.Value.Minute != minute).Select(w => w.Key).ToList())
        {
            _windows.TryRemove(stale, out _);
        }
    }

    private sealed record Window(long Minute, int Failures);
}
