using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Configuration;

namespace PatientAccess.AuthServer.Developer.Clients;

/// <summary>
/// The demo authorize request for an app, as the plan's documentation describes it: the standard
/// SMART App Launch authorization code flow with PKCE S256, a fresh verifier and state on every
/// view (shown beside the URL), and the token exchange that follows, as a curl command.
/// </summary>
internal sealed record LaunchGuide(string AuthorizeUrl, string CodeVerifier, string State, string RedirectUri, string TokenUrl, string TokenCurl, string? TestUrl)
{
    public const string Scope = "launch/patient openid fhirUser offline_access patient/*.rs";

    public static LaunchGuide For(ClientRecord client, AuthServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(server);
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12));
        var redirect = client.RedirectUris.FirstOrDefault() ?? string.Empty;
        var authorize = DemoGuide.AuthorizeUrl(server.IssuerBase, server.FhirBaseUrl, client.ClientId, redirect, verifier, state, Scope);
        var token = server.IssuerBase + "/oauth2/token";
        var authentication = client.Type == ClientType.Confidential
            ? $"-u '{client.ClientId}:YOUR_CLIENT_SECRET'"
            : $"-d client_id={client.ClientId}";
        var curl = $"curl {authentication} -d grant_type=authorization_code -d code=CODE_FROM_THE_REDIRECT "
            + $"--data-urlencode 'redirect_uri={redirect}' -d code_verifier={verifier} {token}";
        var test = client.Type == ClientType.Confidential
            ? QueryHelpers.AddQueryString(server.IssuerBase + "/oauth2/authorize/test", new Dictionary<string, string?> { ["client_id"] = client.ClientId, ["redirect_uri"] = redirect })
            : null;
        return new LaunchGuide(authorize, verifier, state, redirect, token, curl, test);
    }
}
