using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace PatientAccess.ServiceDefaults.Hosting;

/// <summary>
/// The management listener's own branch. A request on <c>Service:ManagementPort</c> is answered
/// here and goes no further: a management endpoint runs directly (the service's own middleware,
/// such as the gateway's policy chain or CORS, never sees scrapes and probes), anything else is
/// 404, and callers outside the management networks get 404 whatever they ask (a second fence
/// behind the separate port). Requests on the public listener pass through untouched; routing
/// (<see cref="ManagementMatcherPolicy"/>) never gives them a management endpoint.
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
    private readonly int _managementPort;

    public ManagementAccessMiddleware(RequestDelegate next, IOptions<ServiceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        var configured = options.Value.ManagementNetworks;
        _networks = configured.Count == 0 ? DefaultNetworks : [.. configured.Select(n => IPNetwork.Parse(n))];
        _managementPort = options.Value.ManagementPort;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (!ManagementListener.IsManagementPort(context, _managementPort))
        {
            return _next(context);
        }

        var endpoint = context.GetEndpoint();
        if (endpoint?.RequestDelegate is not { } handler
            || endpoint.Metadata.GetMetadata<ManagementEndpointMetadata>() is null
            || !IsAllowed(context.Connection.RemoteIpAddress))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return handler(context);
    }

    private bool IsAllowed(IPAddress? address)
    {
        // No peer address means no socket to judge: refuse rather than guess.
        if (address is null)
        {
            return false;
        }

        var candidate = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(n => n.Contains(candidate));
    }
}
