using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PatientAccess.Testing;

namespace PatientAccess.ServiceDefaults.Tests.Integration;

/// <summary>A service built the way every PatientAccess service is, served in-process.</summary>
internal static class TestHost
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    public static async Task<WebApplication> StartAsync(
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? map = null,
        IDictionary<string, string?>? settings = null,
        bool kestrel = false)
    {
        var builder = WebApplication.CreateBuilder();
        if (!kestrel)
        {
            builder.WebHost.UseTestServer();
        }

        // TestServer opens no socket; with Kestrel both listeners bind free loopback ports.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Service:Port"] = kestrel ? FreePort.Next().ToString(CultureInfo.InvariantCulture) : "5999",
            ["Service:ManagementPort"] = kestrel ? FreePort.Next().ToString(CultureInfo.InvariantCulture) : "6999",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddServiceDefaults();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);
        var app = builder.Build();
        // TestServer has no socket: let a test say where its request comes from.
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return next(context);
        });
        app.MapDefaultEndpoints();
        map?.Invoke(app);
        await app.StartAsync();
        return app;
    }
}
