using PatientAccess.Monitor.Actions;
using PatientAccess.Monitor.Detection;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Flags;

/// <summary>
/// Staff decisions on a flagged app. Only apps in the review queue (404 otherwise: the staff key is
/// not a general admin key). Reinstate: needs a flag waiting for staff (409 otherwise); calls the
/// authserver only if one of them suspended the app, lifts a throttle, and restarts the app's
/// counts from now, so it is not flagged again for the evidence staff judged. Revoke: calls the
/// authserver, and the waiting flags (or the latest) become revoked. Each decision is written with
/// its action_id before the call and recorded as an AuditEvent, also when it fails.
/// </summary>
internal sealed class StaffDecisions(
    FlagStore flags, DecisionStore decisions, IEnforcementClient enforcement, Throttles throttles, WindowStore windows, FlagAudit audit, FlagGauges gauges,
    TimeProvider time) : IStaffDecisions
{
    public const string Reinstate = "reinstate";
    public const string Revoke = "revoke";

    /// <summary>The status answered when the monitor had nothing to undo at the authserver (alert, throttle, a suspension that never went through): the app's status there is as it was.</summary>
    public const string Unchanged = "unchanged";

    public async Task<DecisionResult> ReinstateAsync(string clientId, string actor, string reason, CancellationToken cancellationToken)
    {
        var all = await flags.ForClientAsync(clientId, cancellationToken);
        if (Refusal(all, clientId) is { } refused)
        {
            return refused;
        }

        var waiting = all.Where(f => FlagStore.Waiting.Contains(f.State)).ToList();
        if (waiting.Count == 0)
        {
            return new DecisionResult(409, null, $"no flag of {clientId} is waiting for review: nothing to reinstate");
        }

        // A suspension the authserver confirmed: only then is there something to undo there.
        var suspended = waiting.Any(f => f.Action is ActionNames.Suspend && f.ActionDoneMs is not null && f.ClientStatus is not null);
        var result = suspended
            ? await CallAsync(clientId, Reinstate, actor, reason, waiting, cancellationToken)
            : new DecisionResult(200, Unchanged, null);
        if (!result.Succeeded)
        {
            return result;
        }

        await throttles.RemoveAsync(clientId);
        await windows.SetEpochAsync(clientId, DetectorNames.All, time.GetUtcNow());
        await CloseAsync(waiting, ReviewStates.Reinstated, Reinstate, actor, reason, cancellationToken);
        if (!suspended)
        {
            await audit.DecisionAsync(Guid.CreateVersion7().ToString(), Reinstate, clientId, actor, reason, true, "no suspension to undo at the authserver", waiting, cancellationToken);
        }

        return result;
    }

    public async Task<DecisionResult> RevokeAsync(string clientId, string actor, string reason, CancellationToken cancellationToken)
    {
        var all = await flags.ForClientAsync(clientId, cancellationToken);
        if (Refusal(all, clientId) is { } refused)
        {
            return refused;
        }

        var waiting = all.Where(f => FlagStore.Waiting.Contains(f.State)).ToList();
        var decided = waiting.Count > 0 ? waiting : [all[0]];
        var result = await CallAsync(clientId, Revoke, actor, reason, decided, cancellationToken);
        if (result.Succeeded)
        {
            await CloseAsync(decided, ReviewStates.Revoked, Revoke, actor, reason, cancellationToken);
        }

        return result;
    }

    private static DecisionResult? Refusal(List<FlagRecord> all, string clientId)
    {
        if (all.Count == 0)
        {
            return new DecisionResult(404, null, $"{clientId} is not in the review queue");
        }

        return all.Any(f => f.State == ReviewStates.Revoked)
            ? new DecisionResult(409, "revoked", $"{clientId} was revoked for good")
            : null;
    }

    /// <summary>The authserver call, with the decision and its action_id written first (reused from an unfinished one).</summary>
    private async Task<DecisionResult> CallAsync(string clientId, string kind, string actor, string reason, List<FlagRecord> about, CancellationToken cancellationToken)
    {
        var decisionId = Guid.CreateVersion7().ToString();
        var actionId = await decisions.UnfinishedActionIdAsync(clientId, kind, cancellationToken) ?? Guid.CreateVersion7().ToString();
        await decisions.InsertAsync(decisionId, clientId, kind, actor, reason, actionId, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        var evidence = string.Join("\n\n", about.Select(FlagEnforcement.Evidence));
        var answer = await enforcement.EnforceAsync(clientId, actionId, kind, actor, reason, about[0].Detector, evidence, cancellationToken);
        var result = answer.StatusCode switch
        {
            200 when answer.Retryable => new DecisionResult(502, answer.ClientStatus, "the authserver reported a failed step; ask again to retry it"),
            200 => new DecisionResult(200, answer.ClientStatus, null),
            404 => new DecisionResult(404, null, $"the authserver knows no client {clientId}"),
            409 => new DecisionResult(409, null, "the authserver refused: " + answer.Error),
            _ => new DecisionResult(502, null, "the authserver could not carry it out: " + answer.Error),
        };
        await decisions.FinishAsync(actionId, result.Succeeded ? DecisionStore.Done : DecisionStore.Failed, result.Error ?? result.ClientStatus ?? string.Empty, cancellationToken);
        await audit.DecisionAsync(decisionId, kind, clientId, actor, reason, result.Succeeded, result.Error ?? "client status " + result.ClientStatus, about, cancellationToken);
        return result;
    }

    private async Task CloseAsync(List<FlagRecord> closed, string state, string kind, string actor, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var decision = FlagJson.Write(new ReviewDecision(kind, actor, reason, now));
        await flags.DecideAsync([.. closed.Select(f => f.Id)], state, decision, now.ToUnixTimeMilliseconds(), cancellationToken);
        await gauges.RefreshAsync(cancellationToken);
    }
}
