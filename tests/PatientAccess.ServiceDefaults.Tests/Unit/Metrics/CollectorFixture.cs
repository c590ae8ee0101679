using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Metrics;

namespace PatientAccess.ServiceDefaults.Tests.Unit.Metrics;

/// <summary>A collector that sees only one test's own meter, so tests running in parallel stay apart.</summary>
internal sealed class CollectorFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public CollectorFixture(Action<MetricsOptions>? configure = null)
    {
        MeterName = "test." + Guid.NewGuid().ToString("N");
        var options = new MetricsOptions();
        options.Meters.Add(MeterName);
        configure?.Invoke(options);
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Meter = new Meter(MeterName);
        Collector = new MetricsCollector(Options.Create(options), _services.GetRequiredService<IMeterFactory>(), NullLogger<MetricsCollector>.Instance);
    }

    public string MeterName { get; }

    public Meter Meter { get; }

    public MetricsCollector Collector { get; }

    public void Dispose()
    {
        Collector.Dispose();
        Meter.Dispose();
        _services.Dispose();
    }
}
