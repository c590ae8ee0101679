using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Benchmarks.CommandLine;
using PatientAccess.Gateway.Proxy;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace PatientAccess.Gateway.Benchmarks.BareProxy;

/// <summary>
/// The baseline for the gateway's throughput: YARP towards the store with no policy at all. The
/// route, cluster (timeouts, active and passive health checks) and forwarder client are the
/// gateway's own classes, and Kestrel gets the gateway's limits, so the difference to the gateway
/// is the policy chain and nothing else. What is left out on purpose: the policy middleware, the
/// member-context transform (the caller's header is forwarded as is, like any other header), the
/// upstream-error middleware, logging, metrics and health endpoints.
/// </summary>
internal static class BareProxyCommand
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var port = args.Int("port", null, 1, 65_535);
        var upstream = args.Required("upstream");
        args.RejectUnknown();
        var proxy = new ProxyOptions { FhirStoreUrl = upstream };
        if (proxy.Validate(new(proxy)).FirstOrDefault() is { } invalid)
        {
            throw new UsageException($"--upstream: {invalid.ErrorMessage}");
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // Nothing from the gateway's appsettings.json (copied beside this program) or the environment.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            // The gateway's Kestrel settings (ServiceDefaults' KestrelEndpointSetup).
            kestrel.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
            kestrel.Limits.MaxRequestLineSize = 64 * 1024;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddSingleton(Options.Create(proxy));
        builder.Services.AddSingleton<IProxyConfigProvider, FhirStoreProxyConfigProvider>();
        builder.Services.AddReverseProxy();
        builder.Services.Replace(ServiceDescriptor.Singleton<IForwarderHttpClientFactory, StoreHttpClientFactory>());

        await using var app = builder.Build();
        // The gateway's proxy pipeline (ProxyServiceCollectionExtensions.MapFhirProxy) minus its error middleware.
        app.MapReverseProxy(pipeline =>
        {
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.Out.WriteLine($"bare-proxy: http://127.0.0.1:{port}/r4/ -> {upstream.TrimEnd('/')}/r4/ (no policies; Ctrl-C stops)"));
        await app.RunAsync();
        return 0;
    }
}
