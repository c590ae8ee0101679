using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PatientAccess.Testing;

/// <summary>
/// Reaches an in-process service's management endpoints. Services route <c>/metrics</c> and
/// <c>/health/*</c> only for connections on <c>Service:ManagementPort</c>; a TestServer has no
/// socket, so this client stamps each request with that local port (and a loopback peer), as a
/// scrape on the real port would arrive. The service itself has no test switch to open them.
/// </summary>
public static class ManagementClient
{
    public static HttpClient CreateManagementClient(this TestServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var configured = server.Services.GetRequiredService<IConfiguration>()["Service:ManagementPort"];
        var port = int.Parse(configured ?? throw new InvalidOperationException("Service:ManagementPort is not configured"), CultureInfo.InvariantCulture);
        var handler = server.CreateHandler(context =>
        {
            context.Connection.LocalPort = port;
            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
        });
        return new HttpClient(handler) { BaseAddress = server.BaseAddress };
    }
}
