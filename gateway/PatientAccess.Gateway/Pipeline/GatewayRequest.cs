using System.Net;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Pipeline;

/// <summary>
/// What the policy chain learned about one request, step by step; the audit event is built
/// from it whatever step ended the request.
/// </summary>
public sealed class GatewayRequest
{
    public const string Allowed = "allow";
    public const string Refused = "refuse";

    public IPAddress? ClientAddress { get; set; }

    public string? Country { get; set; }

    public FhirTarget? Target { get; set; }

    public AccessToken? Token { get; set; }

    /// <summary>Patients the store may show (the member context); empty until the scope step ran.</summary>
    public IReadOnlyList<string> PatientIds { get; set; } = [];

    public string Decision { get; set; } = Allowed;

    public string? Reason { get; set; }

    /// <summary>True once the request was charged to its token's and app's rate-limit buckets.</summary>
    public bool TokenCharged { get; set; }

    /// <summary>True for a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method): answered, never a write attempt.</summary>
    public bool IsPreflight { get; set; }

    /// <summary>True when the request may go without a token (discovery documents).</summary>
    public bool IsPublic { get; set; }

    /// <summary>Counts the response bytes for the audit event; see <see cref="Audit.ResponseBytes"/>.</summary>
    internal Audit.ResponseBytes? ResponseBytes { get; set; }

    public static GatewayRequest Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Features.Get<GatewayRequest>();
        if (request is null)
        {
            request = new GatewayRequest();
            context.Features.Set(request);
        }

        return request;
    }
}
