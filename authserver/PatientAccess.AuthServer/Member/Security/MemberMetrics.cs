using System.Diagnostics.Metrics;
using PatientAccess.AuthServer.Audit;

namespace PatientAccess.AuthServer.Member.Security;

/// <summary>The member pages' own instruments, on the server's meter (so <c>/metrics</c> shows them with the rest).</summary>
internal sealed class MemberMetrics
{
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _proxyRefused;

    public MemberMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(AuthMetrics.MeterName);
        _throttled = meter.CreateCounter<long>(
            "authserver.member.throttled", description: "Member requests refused by a limit, by what was limited (code_send, signin_locked, code_locked, identity_locked)");
        _proxyRefused = meter.CreateCounter<long>(
            "authserver.member.proxy_refused", description: "Attempts to share another member's records, or their sensitive categories, that the proxy rules refuse, by step");
    }

    public void Throttled(string what) => _throttled.Add(1, new KeyValuePair<string, object?>("limit", what));

    public void ProxyRefused(string step) => _proxyRefused.Add(1, new KeyValuePair<string, object?>("step", step));
}
