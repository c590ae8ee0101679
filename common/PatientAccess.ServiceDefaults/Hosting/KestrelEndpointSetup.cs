using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace PatientAccess.ServiceDefaults.Hosting;

/// <summary>
/// Binds Kestrel to <see cref="ServiceOptions"/> once they have been validated: the public
/// listener on <c>Service:Port</c> and the management listener on <c>Service:ManagementPort</c>.
/// </summary>
internal sealed class KestrelEndpointSetup(IOptions<ServiceOptions> service) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        var settings = service.Value;
        Listen(options, settings.BindAddress, settings.Port);
        Listen(options, settings.EffectiveManagementBindAddress, settings.ManagementPort);

        // Bound what one request may cost before any endpoint sees it.
        options.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
        // Long enough that endpoints can answer an oversized query with a proper error body
        // (a FHIR OperationOutcome) instead of Kestrel's bare 414.
        options.Limits.MaxRequestLineSize = 64 * 1024;
        options.AddServerHeader = false;
    }

    private static void Listen(KestrelServerOptions options, string address, int port)
    {
        switch (address)
        {
            case "*":
                options.ListenAnyIP(port);
                break;
            case "localhost":
                options.ListenLocalhost(port);
                break;
            default:
                options.Listen(IPAddress.Parse(address), port);
                break;
        }
    }
}
