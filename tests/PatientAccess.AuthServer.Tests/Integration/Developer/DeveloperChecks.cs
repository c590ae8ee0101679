using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.AuthServer.Authorize;

namespace PatientAccess.AuthServer.Tests.Integration.Developer;

/// <summary>What the portal tests do besides driving pages: token requests with an app's credentials, demo codes, page comparisons.</summary>
internal static class DeveloperChecks
{
    /// <summary>The page's demo authorize URL is a PKCE S256 request for the verifier shown beside it, which the authorize endpoint accepts.</summary>
    public static async Task AssertDemoGuideWorksAsync(AuthServerHost host, string page, string clientId)
    {
        var url = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<pre><code>(http://localhost:5001/oauth2/authorize\\?[^<]+)</code></pre>").Groups[1].Value);
        var verifier = System.Text.RegularExpressions.Regex.Match(page, "<code id=\"code-verifier\">([^<]+)</code>").Groups[1].Value;
        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal(clientId, query["client_id"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal(AuthServer.Tokens.Pkce.ChallengeOf(verifier), query["code_challenge"].ToString());
        Assert.Equal(SmartApp.FhirBase, query["aud"].ToString());
        Assert.False(string.IsNullOrEmpty(query["state"].ToString()));
        Assert.Contains("Real apps use the standard SMART App Launch flow with PKCE", page, StringComparison.Ordinal);
        using var http = host.Browser();
        using var authorize = await http.GetAsync(new Uri(new Uri(url).PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.StartsWith("/member/authorize/", authorize.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>A code for a demo member from the authorize endpoint and the member pages' completion, with its PKCE verifier.</summary>
    public static async Task<(string Code, string Verifier)> DemoCodeAsync(AuthServerHost host, string clientId, string redirect, string patient = "demo-john-allen")
    {
        var verifier = WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var http = host.Browser();
        using var authorize = await http.GetAsync(new Uri(QueryHelpers.AddQueryString("/oauth2/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = redirect, ["scope"] = "launch/patient openid patient/*.rs",
            ["state"] = "s-1", ["aud"] = SmartApp.FhirBase, ["code_challenge"] = AuthServer.Tokens.Pkce.ChallengeOf(verifier), ["code_challenge_method"] = "S256",
        }), UriKind.Relative), TestContext.Current.CancellationToken);
        var requestId = authorize.Headers.Location!.OriginalString["/member/authorize/".Length..];
        var outcome = await host.Service<IAuthorizationCompletion>().ApproveAsync(
            new AuthorizationApproval(requestId, "m-" + Guid.NewGuid().ToString("N"), patient, [], null), CancellationToken.None);
        return (QueryHelpers.ParseQuery(outcome.RedirectUri!.Query)["code"].ToString(), verifier);
    }

    public static async Task<HttpResponseMessage> TokenAsync(AuthServerHost host, string clientId, string secret, string code, string verifier = "v", string redirect = "https://app.example.com/callback")
    {
        using var http = host.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect, ["code_verifier"] = verifier,
            }),
        };
        request.Headers.Authorization = SmartApp.Basic(clientId, secret);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The page without its antiforgery tokens, which differ per request.</summary>
    public static string Stripped(string page) => System.Text.RegularExpressions.Regex.Replace(page, "value=\"[^\"]+\"", "value=\"\"");
}
