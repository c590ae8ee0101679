using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PatientAccess.LoadTests.Http;

namespace PatientAccess.LoadTests.Smart;

/// <summary>
/// The app's side of a standalone SMART launch against one authserver: reads its discovery,
/// sends the member off with an authorize request, checks the redirect that comes back, and
/// redeems the code. Unmeasured: this is how the tool gets real codes and tokens.
/// </summary>
internal sealed class SmartApp : IDisposable
{
    private readonly HttpClient _client;
    private readonly string _scope;
    private readonly string _audience;
    private string? _issuer;

    public SmartApp(SmartEndpoints endpoints, DemoClient client, string scope, string audience, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(client);
        Endpoints = endpoints;
        Client = client;
        _scope = scope;
        _audience = audience;
        _client = HttpClients.ForRequests(cookies: null, requestTimeout);
    }

    public SmartEndpoints Endpoints { get; }

    public DemoClient Client { get; }

    /// <summary>Reads the issuer from OpenID discovery, so the redirect's <c>iss</c> can be checked (RFC 9207).</summary>
    public async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoints.OpenIdConfiguration);
        var (status, _, body) = await SmartHttp.SendAsync(_client, request, cancellationToken);
        var document = status == 200 ? TryParseObject(body) : null;
        _issuer = document?["issuer"]?.GetValueKind() == JsonValueKind.String ? document["issuer"]!.GetValue<string>() : null;
        if (_issuer is null)
        {
            throw new SmartLaunchException(string.Create(CultureInfo.InvariantCulture,
                $"GET {Endpoints.OpenIdConfiguration.AbsolutePath} answered {status} without an issuer; is --authserver the authorization server?"));
        }
    }

    /// <summary>Sends the member session through one authorize request and returns the code the app received.</summary>
    public async Task<PreparedCode> AuthorizeAsync(MemberSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var request = AuthorizeRequest.Create(Endpoints, Client, _scope, _audience);
        var redirect = await session.AuthorizeAsync(request.Url, cancellationToken);
        return request.ReadRedirect(redirect, _issuer);
    }

    /// <summary>Redeems a code; the token response as the server sent it, or an error naming the status and the OAuth error.</summary>
    public async Task<JsonObject> ExchangeAsync(PreparedCode code, CancellationToken cancellationToken)
    {
        using var request = TokenRequests.CodeExchange(Endpoints, Client, code);
        var (status, _, body) = await SmartHttp.SendAsync(_client, request, cancellationToken);
        var document = TryParseObject(body);
        if (status != 200 || document is null)
        {
            var error = document?["error"]?.ToString();
            var description = document?["error_description"]?.ToString();
            var detail = error is null ? "no OAuth error in the body" : description is null ? error : $"{error}: {description}";
            throw new SmartLaunchException(string.Create(CultureInfo.InvariantCulture, $"POST {Endpoints.Token.AbsolutePath} answered {status}: {detail}"));
        }

        if (document["access_token"]?.GetValueKind() != JsonValueKind.String)
        {
            throw new SmartLaunchException($"POST {Endpoints.Token.AbsolutePath} answered 200 without an access_token");
        }

        return document;
    }

    public void Dispose() => _client.Dispose();

    private static JsonObject? TryParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
