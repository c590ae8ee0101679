using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.Support;

/// <summary>
/// The gateway in process against a real redis-server and <see cref="FakeBackend"/>. TestServer has
/// no peer address, so the test header <see cref="PeerHeader"/> plays the TCP peer (127.0.0.1 by default).
/// </summary>
internal sealed class GatewayFactory : WebApplicationFactory<Program>
{
    public const string PeerHeader = "X-Test-Peer";

    private readonly Dictionary<string, string?> _settings;

    public GatewayFactory(string redis, FakeBackend backend, IDictionary<string, string?>? settings = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("gateway-tests-").FullName;
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Service:DataDirectory"] = DataDirectory,
            // A test that starts real Kestrel must not bind the default management port.
            ["Service:ManagementPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Redis:ConnectionString"] = redis,
            ["Redis:TimeoutMilliseconds"] = "500",
            ["Proxy:FhirStoreUrl"] = backend.Url,
            ["Proxy:HealthCheckIntervalSeconds"] = "60",
            ["Tokens:Issuer"] = TestTokens.Issuer,
            ["Tokens:Audience"] = TestTokens.Audience,
            ["Tokens:JwksUrl"] = backend.Url + "/.well-known/jwks.json",
            ["Tokens:JwksMinimumRefreshSeconds"] = "30",
            ["Revocation:AuthServerUrl"] = backend.Url,
            ["Revocation:FeedKey"] = FakeBackend.FeedKey,
            ["MemberContext:Keys:0"] = TestKeys.MemberContext,
            ["RateLimiting:UseClientRegistry"] = "false",
            // Every request from the one test peer is charged to its address; the tests of other
            // steps send many refusals from it. The address limit's own tests set a real one.
            ["RateLimiting:Address:Burst"] = "100000",
            ["RateLimiting:Address:PerSecond"] = "100000",
            ["Audit:StreamKey"] = "audit-" + Guid.NewGuid().ToString("N"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    public string StreamKey => _settings["Audit:StreamKey"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, inner) =>
            {
                var header = context.Request.Headers[PeerHeader];
                context.Connection.RemoteIpAddress ??= IPAddress.Parse(header.Count > 0 ? header[0]! : "127.0.0.1");
                context.Request.Headers.Remove(PeerHeader);
                return inner(context);
            });
            next(app);
        };
    }
}
