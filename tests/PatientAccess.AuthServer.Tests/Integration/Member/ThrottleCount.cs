using System.Diagnostics.Metrics;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>One host's <c>authserver.member.throttled</c> counter, read as the metrics exporter reads it.</summary>
internal sealed class ThrottleCount : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _value;

    public ThrottleCount(AuthServerHost host)
    {
        var factory = host.Service<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "authserver.member.throttled" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _value, value));
        _listener.Start();
    }

    public long Value => Interlocked.Read(ref _value);

    public void Dispose() => _listener.Dispose();
}
