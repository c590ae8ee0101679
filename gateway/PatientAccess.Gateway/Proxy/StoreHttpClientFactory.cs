using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace PatientAccess.Gateway.Proxy;

/// <summary>YARP's client to the store, with a connect timeout so a dead store is a quick 503, not a hang.</summary>
internal sealed class StoreHttpClientFactory(IOptions<ProxyOptions> options) : ForwarderHttpClientFactory
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = TimeSpan.FromMilliseconds(options.Value.ConnectTimeoutMilliseconds);
    }
}
