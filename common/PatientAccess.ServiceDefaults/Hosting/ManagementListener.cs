using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PatientAccess.ServiceDefaults.Hosting;

/// <summary>Which listener a request arrived on, decided by the connection's local port (never by a header).</summary>
public static class ManagementListener
{
    /// <summary>
    /// True when the request came in on <c>Service:ManagementPort</c>. The Host header is the
    /// caller's to choose, so only the socket's own port counts. In-process test servers have no
    /// socket (local port 0): their requests are public unless a test sets the local port.
    /// </summary>
    public static bool IsManagementRequest(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var port = context.RequestServices.GetRequiredService<IOptions<ServiceOptions>>().Value.ManagementPort;
        return IsManagementPort(context, port);
    }

    internal static bool IsManagementPort(HttpContext context, int managementPort) =>
        managementPort > 0 && context.Connection.LocalPort == managementPort;
}
