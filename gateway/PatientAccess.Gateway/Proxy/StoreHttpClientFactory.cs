using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace PatientAccess.Gateway.Proxy;

/// <summary>YARP's client to the store, with a connect timeout so a dead store is a quick 503, not a hang, and no trace headers.</summary>
internal sealed class StoreHttpClientFactory(IOptions<ProxyOptions> options) : ForwarderHttpClientFactory
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = TimeSpan.FromMilliseconds(options.Value.ConnectTimeoutMilliseconds);
        // No W3C trace context to the store: nothing records it (requests are correlated by the
        // X-Request-Id the member-context transform sends), and the diagnostics handler that adds
        // it cost every request.
        handler.ActivityHeadersPropagator = null;
    }
}
