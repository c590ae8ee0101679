using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace PatientAccess.ServiceDefaults.Hosting;

/// <summary>Binds Kestrel to <see cref="ServiceOptions"/> once they have been validated.</summary>
internal sealed class KestrelEndpointSetup(IOptions<ServiceOptions> service) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        var settings = service.Value;
        switch (settings.BindAddress)
        {
            case "*":
                options.ListenAnyIP(settings.Port);
                break;
            case "localhost":
                options.ListenLocalhost(settings.Port);
                break;
            default:
                options.Listen(IPAddress.Parse(settings.BindAddress), settings.Port);
                break;
        }

        // Bound what one request may cost before any endpoint sees it.
        options.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
        // Long enough that endpoints can answer an oversized query with a proper error body
        // (a FHIR OperationOutcome) instead of Kestrel's bare 414.
        options.Limits.MaxRequestLineSize = 64 * 1024;
        options.AddServerHeader = false;
    }
}
