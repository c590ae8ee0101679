using Microsoft.Extensions.Hosting;

namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>Creates the listener at startup, so that measurements count from the first request.</summary>
internal sealed class MetricsStartup(MetricsCollector collector, ProcessMetrics process) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(collector);
        GC.KeepAlive(process);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
