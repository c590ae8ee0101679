using Microsoft.Extensions.Options;

namespace PatientAccess.AuthServer.Developer.Evidence;

/// <summary>Copies demo exchanges into the evidence table on a timer, so evidence survives a grant revoked before anyone looked.</summary>
internal sealed partial class EvidenceCopier(DemoEvidence evidence, IOptions<DeveloperPortalOptions> options, TimeProvider time, ILogger<EvidenceCopier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.EvidenceCopySeconds;
        if (seconds == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await evidence.CopyAsync(null, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly away; the next tick (or the next read) copies what was missed.
                LogCopyFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Copying demo evidence failed ({Error}); will retry")]
    private static partial void LogCopyFailed(ILogger logger, string error);
}
