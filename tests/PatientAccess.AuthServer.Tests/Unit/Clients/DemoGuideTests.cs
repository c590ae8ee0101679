using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Tokens;

namespace PatientAccess.AuthServer.Tests.Unit.Clients;

public sealed class DemoGuideTests
{
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string PublicVerifier = "pUbLiCvErIfIeR-0123456789-abcdefghijklmnopq";

    private static readonly DemoGuideSettings Settings = new(
        "http://localhost:5001", "http://localhost:5000/r4", "http://127.0.0.1:8765/callback", "the-secret",
        "/data/demo-clients.json", "/data/outbox", Verifier, PublicVerifier, "st-1");

    [Fact]
    public void Render_Credentials_EveryDemoAppWithIdRedirectAndTheConfidentialSecret()
    {
        var guide = DemoGuide.Render(Settings);
        Assert.Contains("Sunrise Health Notes", guide, StringComparison.Ordinal);
        Assert.Contains("Pocket Claims", guide, StringComparison.Ordinal);
        Assert.Contains("client_id      demo-confidential-app (confidential)", guide, StringComparison.Ordinal);
        Assert.Contains("client_secret  the-secret", guide, StringComparison.Ordinal);
        Assert.Contains("client_id      demo-public-app (public: PKCE, no secret)", guide, StringComparison.Ordinal);
        Assert.Contains("redirect_uri   http://127.0.0.1:8765/callback", guide, StringComparison.Ordinal);
        Assert.Contains("/data/outbox", guide, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo-confidential-app", Verifier)]
    [InlineData("demo-public-app", PublicVerifier)]
    public void Render_AuthorizeUrl_SmartParametersWithTheS256ChallengeOfTheVerifierPrintedBesideIt(string clientId, string verifier)
    {
        var lines = DemoGuide.Render(Settings).Split('\n').Select(l => l.Trim()).ToList();
        var index = lines.FindIndex(l => l.StartsWith("http://localhost:5001/oauth2/authorize?", StringComparison.Ordinal) && l.Contains("client_id=" + clientId, StringComparison.Ordinal));
        var query = QueryHelpers.ParseQuery(new Uri(lines[index]).Query);
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("http://127.0.0.1:8765/callback", query["redirect_uri"].ToString());
        Assert.Equal(DemoGuide.Scope, query["scope"].ToString());
        Assert.Equal("st-1", query["state"].ToString());
        Assert.Equal("http://localhost:5000/r4", query["aud"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal(Pkce.ChallengeOf(verifier), query["code_challenge"].ToString());
        Assert.Equal("code_verifier  " + verifier, lines[index + 1]);
    }

    [Fact]
    public void Render_Commands_TokenExchangeEachWayAndTheExplanationOfBenefitRead()
    {
        var lines = DemoGuide.Render(Settings).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("curl ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal(
            "curl -s -u 'demo-confidential-app:the-secret' -d grant_type=authorization_code -d \"code=$CODE\" --data-urlencode 'redirect_uri=http://127.0.0.1:8765/callback' -d code_verifier=" + Verifier + " http://localhost:5001/oauth2/token",
            lines[0]);
        Assert.Equal("curl -s -H \"Authorization: Bearer $ACCESS_TOKEN\" \"http://localhost:5000/r4/ExplanationOfBenefit?patient=$PATIENT\"", lines[1]);
        Assert.Contains("-d client_id=demo-public-app", lines[2], StringComparison.Ordinal);
        Assert.Contains("-d code_verifier=" + PublicVerifier, lines[2], StringComparison.Ordinal);
        Assert.Equal("curl -s -d client_id=demo-confidential-app -d client_secret=the-secret -d grant_type=authorization_code -d \"code=$CODE\" http://localhost:5001/oauth2/token", lines[3]);
    }

    [Fact]
    public void Render_TestFlow_TheDocumentedUrl()
    {
        var guide = DemoGuide.Render(Settings);
        Assert.Contains("http://localhost:5001/oauth2/authorize/test?client_id=demo-confidential-app&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback", guide, StringComparison.Ordinal);
    }
}
