using Microsoft.Extensions.Options;
using PatientAccess.Monitor.Detection;

namespace PatientAccess.Monitor.Flags;

/// <summary>
/// Every <see cref="FlagsOptions.MaintenanceIntervalMilliseconds"/>: closes throttles that ran out
/// (and restarts the app's counts of that detector from the throttle's end),
/// retries suspensions and revocations whose call failed (or whose process died mid-call) with
/// their stored action_id, and refreshes the gauges. Safe in several monitor processes at once: the
/// updates are conditional and the authserver answers a repeated action_id from its record.
/// </summary>
internal sealed partial class FlagMaintenance(
    FlagStore store, FlagEnforcement enforcement, FlagGauges gauges, WindowStore windows, IOptions<FlagsOptions> options, TimeProvider time, ILogger<FlagMaintenance> logger)
    : BackgroundService
{
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (clientId, detector, expiresMs) in await store.CloseExpiredThrottlesAsync(now, cancellationToken))
        {
            // The refusals the throttle itself caused are not held against the app again.
            await windows.SetEpochAsync(clientId, [detector], DateTimeOffset.FromUnixTimeMilliseconds(expiresMs));
        }

        foreach (var flag in await store.DueAsync(now, cancellationToken))
        {
            LogRetrying(logger, flag.Action, flag.ClientId, flag.Id, flag.Attempts, flag.LastError);
            await enforcement.CarryOutAsync(flag, cancellationToken);
        }

        await gauges.RefreshAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Whatever failed (database, Redis, the authserver's client), the queue's upkeep must go on.
                LogFailed(logger, ex.GetType().Name, ex.Message);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.MaintenanceIntervalMilliseconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying {Action} of {ClientId} (flag {FlagId}, attempt {Attempt}; last error: {Error})")]
    private static partial void LogRetrying(ILogger logger, string action, string clientId, string flagId, int attempt, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review queue upkeep failed ({Kind}: {Error}); tried again next tick")]
    private static partial void LogFailed(ILogger logger, string kind, string error);
}
