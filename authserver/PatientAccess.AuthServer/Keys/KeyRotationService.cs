using Microsoft.Extensions.Options;

namespace PatientAccess.AuthServer.Keys;

/// <summary>Makes sure keys exist before the first request, then keeps the schedule (and other replicas' keys) current.</summary>
internal sealed partial class KeyRotationService(
    SigningKeyRing ring,
    IOptions<SigningKeyOptions> options,
    TimeProvider time,
    ILogger<KeyRotationService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ring.EnsureAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ring.EnsureAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The cached keys keep signing and verifying; the next tick tries again.
                LogCheckFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing key check failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
