using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Gallery;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Enforcement;

/// <summary>
/// Runs the steps of an enforcement action, each at most once: a step is claimed by a conditional
/// update (pending or failed to running) and only the claimant runs it, then its end is recorded
/// in <c>enforcement_steps</c>, on the audit stream and in the log. A failing step does not stop
/// the ones after it: a mail relay that is down must not keep an app in the gallery.
/// </summary>
internal sealed partial class EnforcementRunner(
    IDbContextFactory<AuthDbContext> contexts,
    ClientRegistry clients,
    ClientSuspension suspension,
    EnforcementMail mail,
    GalleryCatalog gallery,
    AuditTrail audit,
    TimeProvider time,
    ILogger<EnforcementRunner> logger)
{
    /// <summary>Runs every step still pending, and every failed one again; steps done, skipped or running elsewhere are left alone.</summary>
    public async Task RunAsync(EnforcementActionRecord action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        foreach (var step in EnforcementSteps.For(action.Action))
        {
            if (!await ClaimAsync(action.ActionId, step, cancellationToken))
            {
                continue;
            }

            StepResult result;
            try
            {
                result = await RunStepAsync(action, step, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogStepError(logger, action.ActionId, step, ex.GetType().Name);
                result = new StepResult(EnforcementSteps.Failed, null, null);
            }

            // Recorded even when the caller went away: the step did run.
            await FinishAsync(action, step, result, CancellationToken.None);
        }
    }

    private async Task<StepResult> RunStepAsync(EnforcementActionRecord action, string step, CancellationToken cancellationToken)
    {
        var client = await clients.FindAsync(action.ClientId, cancellationToken) ?? throw new InvalidOperationException("the client is gone");
        var wasListed = string.Equals(action.PreviousStatus, nameof(ClientStatus.Production), StringComparison.OrdinalIgnoreCase);
        switch (step)
        {
            case EnforcementSteps.Credentials when action.Action == EnforcementSteps.Reinstate:
                if (client.Status == ClientStatus.Suspended)
                {
                    await suspension.ReinstateAsync(client, cancellationToken);
                    StatusChanged(action, "reinstated");
                }

                return new StepResult((await clients.FindAsync(client.ClientId, cancellationToken))!.IsActive ? EnforcementSteps.Done : EnforcementSteps.Failed, null, null);
            case EnforcementSteps.Credentials:
                var status = action.Action == EnforcementSteps.Revoke ? ClientStatus.Revoked : ClientStatus.Suspended;
                if (client.Status != status && await suspension.BlockAsync(client.ClientId, status, cancellationToken))
                {
                    StatusChanged(action, status.ToString().ToLowerInvariant());
                }

                return new StepResult((await clients.FindAsync(client.ClientId, cancellationToken))!.Status == status ? EnforcementSteps.Done : EnforcementSteps.Failed, null, null);
            case EnforcementSteps.Tokens:
                return new StepResult(EnforcementSteps.Done, await suspension.RevokeTokensAsync(client.ClientId, cancellationToken), null);
            case EnforcementSteps.MemberEmails:
                return await mail.MembersAsync(action, client, cancellationToken);
            case EnforcementSteps.ContactEmails:
                return await mail.ContactsAsync(action, client, cancellationToken);
            case EnforcementSteps.Gallery:
                // The gallery reads client status on every request (no cache), so the credentials
                // step already moved it; this step checks the catalog says what it must.
                var listed = (await gallery.ListAsync(cancellationToken)).Any(a => a.ClientId == client.ClientId);
                var shouldList = action.Action == EnforcementSteps.Reinstate && client.Status == ClientStatus.Production;
                if (listed != shouldList)
                {
                    return new StepResult(EnforcementSteps.Failed, null, null);
                }

                var changed = action.Action == EnforcementSteps.Reinstate ? shouldList : wasListed;
                return new StepResult(changed ? EnforcementSteps.Done : EnforcementSteps.Skipped, changed ? 1 : 0, null);
            default:
                throw new InvalidOperationException("unknown step " + step);
        }
    }

    /// <summary>The same event as every other status change (the AppSuspended alert and per-app metrics count it), naming who and why.</summary>
    private void StatusChanged(EnforcementActionRecord action, string detail) =>
        audit.Record(new AuditEvent(AuditEventTypes.ClientStatusChanged, action.ClientId, Detail: detail, Actor: action.Actor, Reason: action.Reason));

    private async Task<bool> ClaimAsync(string actionId, string step, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.EnforcementSteps
            .Where(s => s.ActionId == actionId && s.Name == step && (s.State == EnforcementSteps.Pending || s.State == EnforcementSteps.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, EnforcementSteps.Running), cancellationToken) == 1;
    }

    private async Task FinishAsync(EnforcementActionRecord action, string step, StepResult result, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.EnforcementSteps.Where(s => s.ActionId == action.ActionId && s.Name == step).ExecuteUpdateAsync(
                s => s.SetProperty(x => x.State, result.State).SetProperty(x => x.At, at).SetProperty(x => x.Count, result.Count).SetProperty(x => x.Skipped, result.Skipped),
                cancellationToken);
        }

        var count = result.Count?.ToString(CultureInfo.InvariantCulture) ?? "-";
        audit.Record(new AuditEvent(AuditEventTypes.EnforcementStep, action.ClientId,
            Detail: $"action={action.Action} step={step} state={result.State} count={count} action_id={action.ActionId}", Actor: action.Actor, Reason: action.Reason));
        LogStep(logger, action.Action, action.ClientId, step, result.State, count, action.ActionId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enforcement {Action} of {ClientId}: step {Step} {State} (count {Count}), action {ActionId}")]
    private static partial void LogStep(ILogger logger, string action, string clientId, string step, string state, string count, string actionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Enforcement action {ActionId}: step {Step} threw {Error}; it is recorded as failed and runs again when the action is replayed")]
    private static partial void LogStepError(ILogger logger, string actionId, string step, string error);
}
