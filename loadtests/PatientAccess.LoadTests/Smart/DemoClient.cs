using System.Net.Http.Headers;
using System.Text;

namespace PatientAccess.LoadTests.Smart;

/// <summary>A demo app's credentials as the authserver wrote them to <c>demo-clients.json</c>.</summary>
internal sealed record DemoClient(string ClientId, string? ClientSecret, Uri RedirectUri)
{
    public ClientKind Kind => ClientSecret is null ? ClientKind.Public : ClientKind.Confidential;

    /// <summary>
    /// Authenticates a token or introspection request: client_secret_basic for a confidential app
    /// (RFC 6749 §2.3.1: id and secret form-encoded before the Basic encoding), client_id in the
    /// form for a public one.
    /// </summary>
    public void Authenticate(HttpRequestMessage request, List<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(form);
        if (ClientSecret is null)
        {
            form.Add(new("client_id", ClientId));
            return;
        }

        var pair = Uri.EscapeDataString(ClientId) + ":" + Uri.EscapeDataString(ClientSecret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
    }
}
