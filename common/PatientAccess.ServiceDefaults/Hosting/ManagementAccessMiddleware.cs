using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace PatientAccess.ServiceDefaults.Hosting;

/// <summary>
/// Answers 404 to <c>/metrics</c> and <c>/health/*</c> from outside the management
/// networks: the gateway's port faces the internet, and metrics describe every client.
/// </summary>
internal sealed class ManagementAccessMiddleware
{
    private static readonly IPNetwork[] DefaultNetworks =
    [
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("fc00::/7"),
    ];

    private readonly RequestDelegate _next;
    private readonly IPNetwork[] _networks;

    public ManagementAccessMiddleware(RequestDelegate next, IOptions<ServiceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        var configured = options.Value.ManagementNetworks;
        _networks = configured.Count == 0 ? DefaultNetworks : [.. configured.Select(n => IPNetwork.Parse(n))];
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (IsManagementPath(context.Request.Path) && !IsAllowed(context.Connection.RemoteIpAddress))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return _next(context);
    }

    private static bool IsManagementPath(PathString path) =>
        path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    private bool IsAllowed(IPAddress? address)
    {
        // In-process test hosts have no remote address: nothing outside can reach them.
        if (address is null)
        {
            return true;
        }

        var candidate = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(n => n.Contains(candidate));
    }
}
