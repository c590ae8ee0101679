using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Tests.Integration.Member;

namespace PatientAccess.AuthServer.Tests.Integration.Developer;

/// <summary>The JSON API as a developer's script uses it: sign up for a bearer token, then call with it.</summary>
internal sealed class DeveloperApiClient(AuthServerHost host) : IDisposable
{
    private readonly HttpClient _http = host.Browser();

    public string? AccessToken { get; private set; }

    public static async Task<DeveloperApiClient> SignedUpAsync(AuthServerHost host, string? email = null)
    {
        var client = new DeveloperApiClient(host);
        await client.SignUpAsync(email ?? DeveloperDriver.NewEmail());
        return client;
    }

    public string? Email { get; private set; }

    public async Task SignUpAsync(string email)
    {
        Email = email;
        using var started = await SendAsync(HttpMethod.Post, "/api/developer/signup", new JsonObject { ["email"] = email, ["name"] = "Api Developer" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var token = (string)(await JsonAsync(started))["verification_token"]!;
        using var verified = await SendAsync(HttpMethod.Post, "/api/developer/verify", new JsonObject { ["verification_token"] = token, ["code"] = Outbox.LatestCode(host.DataDirectory, email) });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        AccessToken = (string)(await JsonAsync(verified))["access_token"]!;
    }

    public async Task<JsonObject> CreateAsync(string type = "confidential", string redirect = "http://127.0.0.1:8765/callback", string name = "Api App")
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/developer/clients", new JsonObject
        {
            ["name"] = name,
            ["client_type"] = type,
            ["redirect_uris"] = new JsonArray(redirect),
            ["website"] = "https://api-app.example.com/",
        });
        var body = await JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body = null, bool bearer = true)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (bearer && AccessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendBytesAsync(HttpMethod method, string path, byte[] bytes, string contentType)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return await _http.SendAsync(request);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public void Dispose() => _http.Dispose();
}
