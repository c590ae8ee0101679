using Microsoft.Extensions.Options;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace PatientAccess.Gateway.Proxy;

/// <summary>
/// YARP's routes and clusters built from validated <see cref="ProxyOptions"/>, so the
/// upstream address follows the same configuration rules as every other setting.
/// </summary>
internal sealed class FhirStoreProxyConfigProvider(IOptions<ProxyOptions> options) : IProxyConfigProvider
{
    public const string RouteId = "fhir";
    public const string ClusterId = "fhir-store";

    /// <summary>
    /// What the gateway probes to know the store answers: its CapabilityStatement, served without
    /// credentials on the same listener the FHIR traffic uses. The store's <c>/health/*</c> live on
    /// its management port, which the gateway has no reason to reach.
    /// </summary>
    public const string ProbePath = "/r4/metadata";

    private readonly Lazy<IProxyConfig> _config = new(() => new StaticProxyConfig(
        [
            new RouteConfig
            {
                RouteId = RouteId,
                ClusterId = ClusterId,
                Match = new RouteMatch { Path = "/r4/{**catch-all}" },
            },
        ],
        [
            new ClusterConfig
            {
                ClusterId = ClusterId,
                Destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal)
                {
                    ["store"] = new() { Address = options.Value.FhirStoreUrl },
                },
                HttpRequest = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds) },
                HealthCheck = new HealthCheckConfig
                {
                    Active = new ActiveHealthCheckConfig
                    {
                        Enabled = true,
                        Interval = TimeSpan.FromSeconds(options.Value.HealthCheckIntervalSeconds),
                        Timeout = TimeSpan.FromSeconds(2),
                        Policy = "ConsecutiveFailures",
                        Path = ProbePath,
                    },
                    Passive = new PassiveHealthCheckConfig
                    {
                        Enabled = true,
                        Policy = "TransportFailureRate",
                        ReactivationPeriod = TimeSpan.FromSeconds(options.Value.HealthCheckIntervalSeconds),
                    },
                },
            },
        ]));

    public IProxyConfig GetConfig() => _config.Value;

    private sealed record StaticProxyConfig(IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) : IProxyConfig
    {
        public IChangeToken ChangeToken { get; } = NullChangeToken.Singleton;
    }
}
