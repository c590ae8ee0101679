using System.Diagnostics.Metrics;

namespace PatientAccess.Gateway.Observability;

/// <summary>
/// The per-app instruments security staff's dashboards and alerts need (meter
/// <c>PatientAccess.Gateway</c>, beside <see cref="GatewayMetrics"/>): requests and refusals by app
/// (refusals also by reason), the countries of refused foreign requests by app, and when the
/// revocation feed was last read.
/// Cardinality stays bounded: <c>client_id</c> comes only from a token this replica validated
/// (apps are a registered, bounded set; everything else is <c>anonymous</c>), <c>reason</c> is one of
/// <see cref="Errors.RefusalReasons"/> and <c>country</c> an ISO 3166 code or <c>unknown</c>;
/// never a label per member, token or address.
/// </summary>
public sealed class PolicyMetrics
{
    /// <summary>The client label of requests that bear no validated token.</summary>
    public const string Anonymous = "anonymous";

    private readonly Counter<long> _appRequests;
    private readonly Counter<long> _appRefusals;
    private readonly Counter<long> _geoRefusals;
    private long _revocationFeedReadUnixSeconds;

    public PolicyMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(GatewayMetrics.MeterName);
        _appRequests = meter.CreateCounter<long>("patientaccess.gateway.app.requests", "{request}",
            "Requests by app, refused or not, attributed as the refusals are (the refusal ratio's denominator)");
        _appRefusals = meter.CreateCounter<long>("patientaccess.gateway.app.refusals", "{request}",
            "Requests refused by the policy chain, by app (client_id of a validated token, else anonymous) and reason");
        _geoRefusals = meter.CreateCounter<long>("patientaccess.gateway.geo.refusals", "{request}",
            "Requests refused by the country rule, by app and country (ISO 3166 code, or unknown)");
        // Zero until the first read: time() minus it is then huge, so a replica that never read the feed alerts too.
        meter.CreateObservableGauge("patientaccess.gateway.revocation.feed.last_read", () => Interlocked.Read(ref _revocationFeedReadUnixSeconds), "s",
            "Unix time of the last complete read of the authserver's revocation feed (0: never read)");
    }

    public void Requested(string? clientId) =>
        _appRequests.Add(1, new KeyValuePair<string, object?>("client_id", string.IsNullOrEmpty(clientId) ? Anonymous : clientId));

    public void Refused(string? clientId, string reason, string? country)
    {
        var client = string.IsNullOrEmpty(clientId) ? Anonymous : clientId;
        _appRefusals.Add(1, new KeyValuePair<string, object?>("client_id", client), new KeyValuePair<string, object?>("reason", reason));
        if (reason == Errors.RefusalReasons.Geo)
        {
            _geoRefusals.Add(1, new KeyValuePair<string, object?>("client_id", client),
                new KeyValuePair<string, object?>("country", string.IsNullOrEmpty(country) ? "unknown" : country));
        }
    }

    public void RevocationFeedRead(DateTimeOffset at) => Interlocked.Exchange(ref _revocationFeedReadUnixSeconds, at.ToUnixTimeSeconds());
}
