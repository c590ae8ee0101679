using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Tokens;

namespace PatientAccess.AuthServer.Tests.Integration;

/// <summary>Plays a SMART app (and, through <see cref="IAuthorizationCompletion"/>, the member pages) against a host.</summary>
internal sealed class SmartApp(AuthServerHost host, bool confidential = true)
{
    public const string FhirBase = "http://localhost:5000/r4";
    public const string DefaultScope = "launch/patient openid fhirUser offline_access patient/*.read";

    private readonly DemoCredentials _demo = host.Demo();

    /// <summary>The member account approving; unique per test when a test lists or revokes grants.</summary>
    public string Member { get; init; } = "member-1";

    public string ClientId => confidential ? _demo.ConfidentialId : _demo.PublicId;

    public string Secret => _demo.ConfidentialSecret;

    public string RedirectUri => _demo.RedirectUri;

    public string Verifier { get; } = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Pkce.ChallengeOf(Verifier);

    public Dictionary<string, string> AuthorizeParameters(string scope = DefaultScope) => new()
    {
        ["response_type"] = "code",
        ["client_id"] = ClientId,
        ["redirect_uri"] = RedirectUri,
        ["scope"] = scope,
        ["state"] = "st-" + Guid.NewGuid().ToString("N"),
        ["aud"] = FhirBase,
        ["code_challenge"] = Challenge,
        ["code_challenge_method"] = "S256",
        ["nonce"] = "n-123",
    };

    public Task<HttpResponseMessage> AuthorizeAsync(IDictionary<string, string> parameters) =>
        host.Browser().GetAsync(new Uri(QueryHelpers.AddQueryString("/oauth2/authorize", parameters!), UriKind.Relative));

    /// <summary>A request id, after asserting the member is sent to the member pages.</summary>
    public async Task<string> StartAsync(string scope = DefaultScope)
    {
        using var response = await AuthorizeAsync(AuthorizeParameters(scope));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/member/authorize/", location, StringComparison.Ordinal);
        return location["/member/authorize/".Length..];
    }

    public async Task<string> ApproveAsync(string requestId, string[]? categories = null, string[]? scopes = null, string patient = "pat-1")
    {
        var outcome = await host.Service<IAuthorizationCompletion>().ApproveAsync(
            new AuthorizationApproval(requestId, Member, patient, categories ?? ["MH"], scopes), CancellationToken.None);
        Assert.NotNull(outcome.RedirectUri);
        return QueryHelpers.ParseQuery(outcome.RedirectUri!.Query)["code"].ToString();
    }

    public async Task<string> CodeAsync(string scope = DefaultScope) => await ApproveAsync(await StartAsync(scope));

    public Task<HttpResponseMessage> ExchangeAsync(string code, string? verifier = null, string? redirectUri = null) =>
        TokenAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri ?? RedirectUri,
            ["code_verifier"] = verifier ?? Verifier,
        });

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return TokenAsync(form);
    }

    /// <summary>POSTs with this app's authentication: Basic for the confidential app, client_id for the public one.</summary>
    public Task<HttpResponseMessage> TokenAsync(Dictionary<string, string> form, string path = "/oauth2/token") =>
        PostAsync(path, form);

    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        if (confidential)
        {
            request.Headers.Authorization = Basic(ClientId, Secret);
        }
        else
        {
            form["client_id"] = ClientId;
        }

        request.Content = new FormUrlEncodedContent(form);
        return await host.Browser().SendAsync(request);
    }

    /// <summary>The whole standalone launch: authorize, approve, exchange. Returns the token response.</summary>
    public async Task<JsonObject> LaunchAsync(string scope = DefaultScope)
    {
        using var response = await ExchangeAsync(await CodeAsync(scope));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(id) + ":" + Uri.EscapeDataString(secret))));

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>The body every admin action needs: a reason (JSON), recorded with the action.</summary>
    public static HttpContent Reason(string text = "test: acting on the app") => System.Net.Http.Json.JsonContent.Create(new { reason = text });
}
