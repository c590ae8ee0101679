using System.Globalization;
using Microsoft.Extensions.Options;
using PatientAccess.Monitor.Actions;
using PatientAccess.Monitor.Detection;
using PatientAccess.Monitor.Observability;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Flags;

/// <summary>
/// Turns crossings into flags and actions. An app with an open flag for the detector gets the new
/// evidence on that flag and no second action. A new flag is written first (with its action_id for
/// a suspension or revocation), then acted on at once: alert records only; throttle sets the
/// gateways' throttle (escalating, and the <see cref="ThrottleOptions.SuspendAfter"/>th repeat is a
/// suspension); suspend and revoke call the authserver, all of a batch's calls concurrently.
/// </summary>
internal sealed partial class FlagRaiser(
    FlagStore store, FlagEnforcement enforcement, Throttles throttles, FlagAudit audit, FlagGauges gauges, MonitorMetrics metrics,
    IOptions<ThrottleOptions> throttleOptions, TimeProvider time, ILogger<FlagRaiser> logger)
{
    private readonly ThrottleOptions _throttle = throttleOptions.Value;

    public async Task RaiseAsync(IReadOnlyList<Crossing> crossings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crossings);
        var calls = new List<Task>();
        var opened = new List<FlagRecord>();
        foreach (var crossing in crossings)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var evidence = FlagJson.Write(crossing.Evidence);
            if (await store.AddEvidenceAsync(crossing.ClientId, crossing.Detector, evidence, crossing.Explanation, now, cancellationToken))
            {
                continue;
            }

            var flag = await NewFlagAsync(crossing, evidence, now, cancellationToken);
            if (!await store.TryOpenAsync(flag, cancellationToken))
            {
                // Another monitor process opened it between the two statements: evidence only.
                await store.AddEvidenceAsync(crossing.ClientId, crossing.Detector, evidence, crossing.Explanation, now, cancellationToken);
                continue;
            }

            metrics.Detected(flag.Detector, flag.Action);
            LogFlagged(logger, flag.ClientId, flag.Detector, flag.Action, flag.Id, flag.Explanation);
            if (flag.Action is ActionNames.Suspend or ActionNames.Revoke)
            {
                calls.Add(enforcement.CarryOutAsync(flag, cancellationToken));
            }
            else if (flag.Action == ActionNames.Throttle)
            {
                await throttles.SetAsync(flag.ClientId, TimeSpan.FromMilliseconds(flag.ExpiresMs!.Value - now));
            }

            opened.Add(flag);
        }

        foreach (var flag in opened)
        {
            await audit.FlagOpenedAsync(flag, cancellationToken);
        }

        await Task.WhenAll(calls);
        if (opened.Count > 0)
        {
            await gauges.RefreshAsync(cancellationToken);
        }
    }

    private async Task<FlagRecord> NewFlagAsync(Crossing crossing, string evidence, long now, CancellationToken cancellationToken)
    {
        var action = crossing.Action;
        var explanation = crossing.Explanation;
        long? expires = null;
        if (action == ActionNames.Throttle)
        {
            var previous = await store.CountSinceAsync(crossing.ClientId, ActionNames.Throttle, now - (_throttle.RepeatWindowSeconds * 1000L), cancellationToken);
            if (_throttle.SuspendAfter > 0 && previous + 1 >= _throttle.SuspendAfter)
            {
                action = ActionNames.Suspend;
                explanation += string.Create(CultureInfo.InvariantCulture,
                    $" Throttled {previous} times in the last {_throttle.RepeatWindowSeconds} s already: suspended instead.");
            }
            else
            {
                var duration = _throttle.DurationAfter(previous);
                expires = now + (long)duration.TotalMilliseconds;
                explanation += string.Create(CultureInfo.InvariantCulture,
                    $" Throttled to {_throttle.PerSecond} requests/s (burst {_throttle.Burst}) for {(long)duration.TotalSeconds} s (throttle {previous + 1} in {_throttle.RepeatWindowSeconds} s).");
            }
        }

        var enforced = action is ActionNames.Suspend or ActionNames.Revoke;
        return new FlagRecord(
            Guid.CreateVersion7().ToString(), crossing.ClientId, crossing.Detector, action, crossing.Severity,
            action == ActionNames.Alert ? ReviewStates.Alert : ReviewStates.Open,
            now, now, 1, evidence, explanation,
            enforced ? Guid.CreateVersion7().ToString() : null, null, 0, enforced ? enforcement.FirstRetryMs(now) : null, null,
            expires, null, "[]", null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flagged app {ClientId} ({Detector}, action {Action}, flag {FlagId}): {Explanation}")]
    private static partial void LogFlagged(ILogger logger, string clientId, string detector, string action, string flagId, string explanation);
}
