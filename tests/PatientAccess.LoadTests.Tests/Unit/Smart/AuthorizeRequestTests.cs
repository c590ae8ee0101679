using System.Security.Cryptography;
using System.Text;
using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Tests.Unit.Smart;

public class AuthorizeRequestTests
{
    private static readonly DemoClient App = new("demo-public-app", null, new Uri("http://127.0.0.1:8765/callback"));
    private static readonly SmartEndpoints Endpoints = new(new Uri("http://127.0.0.1:5001/"));

    [Fact]
    public void Create_StandaloneLaunch_EveryParameterAndAnS256ChallengeOfTheVerifier()
    {
        var request = AuthorizeRequest.Create(Endpoints, App, "launch/patient openid patient/*.read", "http://localhost:5000/r4");

        Assert.Equal("http://127.0.0.1:5001/oauth2/authorize", request.Url.GetLeftPart(UriPartial.Path));
        var query = AuthorizeRequest.QueryParameters(request.Url.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("demo-public-app", query["client_id"]);
        Assert.Equal("http://127.0.0.1:8765/callback", query["redirect_uri"]);
        Assert.Equal("launch/patient openid patient/*.read", query["scope"]);
        Assert.Equal("http://localhost:5000/r4", query["aud"]);
        Assert.Equal(request.State, query["state"]);
        Assert.Equal(request.Nonce, query["nonce"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        var expected = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(request.Verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expected, query["code_challenge"]);
        Assert.Equal(43, request.Verifier.Length);
    }

    [Fact]
    public void Create_TwoRequests_FreshSecretsEachTime()
    {
        var first = AuthorizeRequest.Create(Endpoints, App, "openid", "http://localhost:5000/r4");
        var second = AuthorizeRequest.Create(Endpoints, App, "openid", "http://localhost:5000/r4");

        Assert.NotEqual(first.State, second.State);
        Assert.NotEqual(first.Verifier, second.Verifier);
        Assert.NotEqual(first.Nonce, second.Nonce);
    }

    [Fact]
    public void ReadRedirect_CodeWithOurStateAndIssuer_CodeAndVerifier()
    {
        var request = AuthorizeRequest.Create(Endpoints, App, "openid", "http://localhost:5000/r4");

        var code = request.ReadRedirect(Redirect($"code=abc%2Bdef&state={request.State}&iss=http%3A%2F%2Flocalhost%3A5001"), "http://localhost:5001");

        Assert.Equal(new PreparedCode("abc+def", request.Verifier, App.RedirectUri), code);
    }

    [Theory]
    [InlineData("code=abc&state=WRONG", "the redirect to the app carries state 'WRONG', not the state the app sent")]
    [InlineData("code=abc&state={state}&iss=http%3A%2F%2Fevil.example", "the redirect to the app names issuer 'http://evil.example', but the authserver's discovery says 'http://localhost:5001'")]
    [InlineData("error=access_denied&error_description=the+member+said+no&state={state}", "the authorization server answered the app with error=access_denied: the member said no")]
    [InlineData("state={state}", "the redirect to the app carries no code")]
    public void ReadRedirect_BadAnswer_ErrorSaysWhy(string query, string expected)
    {
        var request = AuthorizeRequest.Create(Endpoints, App, "openid", "http://localhost:5000/r4");

        var ex = Assert.Throws<SmartLaunchException>(() => request.ReadRedirect(Redirect(query.Replace("{state}", request.State, StringComparison.Ordinal)), "http://localhost:5001"));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void ReadRedirect_ElsewhereThanTheRedirectUri_Refused()
    {
        var request = AuthorizeRequest.Create(Endpoints, App, "openid", "http://localhost:5000/r4");

        var ex = Assert.Throws<SmartLaunchException>(() => request.ReadRedirect(new Uri($"http://127.0.0.1:8765/other?code=abc&state={request.State}"), null));

        Assert.StartsWith("the member pages sent the member to http://127.0.0.1:8765/other, not the app's redirect URI", ex.Message, StringComparison.Ordinal);
    }

    private static Uri Redirect(string query) => new("http://127.0.0.1:8765/callback?" + query);
}
