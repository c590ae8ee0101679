using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PatientAccess.Monitor.Actions;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Flags;

/// <summary>
/// Carries out a flag's suspension or revocation at the authserver with the flag's own action_id
/// (stored with the flag before the first call), and records how it went: done with the steps;
/// already so (409) and left for staff; or failed, to be retried with the same action_id after a
/// doubling wait (a step the authserver reports failed is retried the same way, and re-runs alone).
/// </summary>
internal sealed class FlagEnforcement(FlagStore store, IEnforcementClient enforcement, IOptions<EnforcementOptions> options, TimeProvider time)
{
    public const string Actor = "monitor";

    private readonly EnforcementOptions _options = options.Value;

    /// <summary>When a call made now counts as lost if nothing was recorded (its process died): twice the call timeout.</summary>
    public long FirstRetryMs(long nowMs) => nowMs + (2L * _options.TimeoutMilliseconds);

    public async Task CarryOutAsync(FlagRecord flag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var result = await enforcement.EnforceAsync(flag.ClientId, flag.ActionId!, flag.Action, Actor, Reason(flag), flag.Detector, Evidence(flag), cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var steps = FlagJson.Write(result.Steps);
        if (result.Retryable)
        {
            var wait = Math.Min(_options.MaxRetrySeconds, _options.RetrySeconds * Math.Pow(2, Math.Min(flag.Attempts, 20)));
            var error = result.Error ?? "a step failed: " + string.Join(", ", result.Steps.Where(s => s.State == "failed").Select(s => s.Name));
            await store.RecordActionAsync(flag.Id, ReviewStates.Failed, result.ClientStatus, steps, null, error, now + (long)(wait * 1000), now, cancellationToken);
            return;
        }

        if (result.Succeeded)
        {
            var state = flag.Action == ActionNames.Revoke ? ReviewStates.Revoked : ReviewStates.Open;
            await store.RecordActionAsync(flag.Id, state, result.ClientStatus, steps, now, null, null, now, cancellationToken);
            return;
        }

        // 409: already suspended or revoked for good (by another flag, staff or the admin API); 404:
        // no such client; 400: a request the authserver cannot take. Nothing a retry changes: the
        // flag waits for staff with the reason.
        var why = string.Create(CultureInfo.InvariantCulture, $"the authserver answered {result.StatusCode}: {result.Error}");
        await store.RecordActionAsync(flag.Id, ReviewStates.Open, null, steps, now, why, null, now, cancellationToken);
    }

    private static string Reason(FlagRecord flag)
    {
        var reason = $"{flag.Detector}: {flag.Explanation}";
        return reason.Length <= 500 ? reason : reason[..499] + "…";
    }

    /// <summary>The plain-text summary the plan's contacts get by e-mail (contract 1, up to 4000 characters).</summary>
    internal static string Evidence(FlagRecord flag)
    {
        var evidence = FlagJson.Read<ReviewEvidence>(flag.Evidence);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"The PatientAccess monitor flagged the app {flag.ClientId} (detector {flag.Detector}, severity {flag.Severity}) and asked for: {flag.Action}.\n");
        text.Append(CultureInfo.InvariantCulture, $"{flag.Explanation}\n");
        text.Append(CultureInfo.InvariantCulture, $"Window: {evidence.WindowStart:u} to {evidence.WindowEnd:u} ({evidence.WindowSeconds} s); count {evidence.Count}, threshold {evidence.Threshold}.\n");
        if (evidence.Total is { } total)
        {
            text.Append(CultureInfo.InvariantCulture, $"Requests in the window: {total}.\n");
        }

        if (evidence.Expected is { } expected)
        {
            text.Append(CultureInfo.InvariantCulture, $"Expected {expected:0.##} from {evidence.HistoryWindows} past windows; probability {evidence.Probability:G3}.\n");
        }

        if (evidence.SampleEventIds.Count > 0)
        {
            text.Append("Sample AuditEvents (the monitor's GET /r4/AuditEvent/{id}, staff key): ").Append(string.Join(", ", evidence.SampleEventIds)).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"Review queue flag {flag.Id}: GET /api/reviews at the monitor, or its /reviews page.");
        return text.ToString();
    }
}
