using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Staff;

namespace PatientAccess.AuthServer.Production;

/// <summary>
/// When <c>Reviews:SuspendOverdueAttestations</c> is on (default off), suspends every production
/// app whose attestation renewal date has passed, every <c>Reviews:CheckSeconds</c>, through
/// <see cref="ClientSuspension"/> (the admin API's path: every token revoked everywhere), and
/// records it with actor <c>automatic</c>. An app reinstated by staff is not suspended again for
/// the same overdue date; a new approved attestation sets new dates.
/// </summary>
internal sealed partial class OverdueAttestationSuspender(
    ReviewDates reviews,
    ClientSuspension suspension,
    StaffActions actions,
    AuditTrail audit,
    IOptions<ReviewOptions> options,
    TimeProvider time,
    ILogger<OverdueAttestationSuspender> logger) : BackgroundService
{
    /// <summary>One pass; returns the client ids suspended.</summary>
    public async Task<IReadOnlyList<string>> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SuspendOverdueAttestations)
        {
            return [];
        }

        var suspended = new List<string>();
        foreach (var clientId in await reviews.OverdueAttestationsAsync(cancellationToken))
        {
            if (await reviews.MarkAutoSuspendedAsync(clientId, cancellationToken) && await suspension.ChangeAsync(clientId, ClientStatus.Suspended, cancellationToken))
            {
                await actions.RecordAsync(StaffActor.Automatic, ProductionAudit.AutoSuspended, clientId, "attestation renewal overdue", cancellationToken);
                audit.Record(new AuditEvent(ProductionAudit.AutoSuspended, clientId, Detail: "actor=" + StaffActor.Automatic.Id));
                LogSuspended(logger, clientId);
                suspended.Add(clientId);
            }
        }

        return suspended;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SuspendOverdueAttestations)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckSeconds), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database that is briefly away must not end the check for good; the next tick retries.
                LogFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Suspended {ClientId}: its attestation renewal is overdue (Reviews:SuspendOverdueAttestations)")]
    private static partial void LogSuspended(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The overdue-attestation check failed ({Error}); it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, string error);
}
