using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PatientAccess.AuthServer.Audit;

namespace PatientAccess.AuthServer.Tests.Unit.Audit;

/// <summary>
/// authserver.app.events: audit events per registered app for the per-app dashboard and the baseline
/// alert. Only event types whose client_id the server has checked get the label, so a caller who
/// sends made-up client ids (failed client authentications) cannot mint series.
/// </summary>
public sealed class AuthMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(long Value, Dictionary<string, string?> Tags)> _measurements = [];

    public AuthMetricsTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // This test's own meter only (its scope is this factory): hosts of other tests run in the same process.
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == AuthMetrics.MeterName && instrument.Name == "authserver.app.events")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value?.ToString();
            }

            _measurements.Add((value, copy));
        });
        _listener.Start();
    }

    private AuthMetrics Metrics() => new(_services.GetRequiredService<IMeterFactory>());

    [Fact]
    public void AppEvent_GrantApproved_CountedWithTypeAndClientId()
    {
        Metrics().AppEvent(new AuditEvent(AuditEventTypes.GrantApproved, "app-1", "grant-1", "member-1", "patient/*.read"));

        var (value, tags) = Assert.Single(_measurements);
        Assert.Equal(1, value);
        Assert.Equal("grant.approved", tags["type"]);
        Assert.Equal("app-1", tags["client_id"]);
        // Never the member, the grant or the scope: labels stay per app.
        Assert.Equal(["client_id", "type"], tags.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppEvent_StatusChanged_CarriesTheNewStatus()
    {
        Metrics().AppEvent(new AuditEvent(AuditEventTypes.ClientStatusChanged, "app-2", Detail: "suspended"));

        var (_, tags) = Assert.Single(_measurements);
        Assert.Equal("suspended", tags["status"]);
        Assert.Equal("app-2", tags["client_id"]);
    }

    /// <summary>The abuse: wrong secrets sent under any client_id a caller invents are not labelled by it.</summary>
    [Fact]
    public void AppEvent_FailedClientAuthenticationWithMadeUpClientIds_NotCountedPerApp()
    {
        var metrics = Metrics();
        for (var i = 0; i < 20; i++)
        {
            metrics.AppEvent(new AuditEvent(AuditEventTypes.ClientAuthenticationFailed, $"made-up-{i}"));
            metrics.AppEvent(new AuditEvent(AuditEventTypes.ClientAuthenticationThrottled, $"made-up-{i}"));
        }

        Assert.Empty(_measurements);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}
