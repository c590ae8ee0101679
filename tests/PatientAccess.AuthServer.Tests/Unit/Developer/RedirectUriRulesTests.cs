using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Developer.Clients;

namespace PatientAccess.AuthServer.Tests.Unit.Developer;

public sealed class RedirectUriRulesTests
{
    [Theory]
    [InlineData("https://app.example.com/callback")]
    [InlineData("https://app.example.com:8443/cb?tenant=a")]
    [InlineData("http://127.0.0.1:8765/callback")]
    [InlineData("http://127.0.0.1/callback")]
    [InlineData("http://[::1]:3000/cb")]
    [InlineData("http://localhost:3000/cb")]
    [InlineData("http://localhost/cb")]
    public void CheckOne_HttpsOrLoopbackHttp_Accepted(string uri)
    {
        Assert.Equal(RedirectUriProblem.None, RedirectUriRules.CheckOne(uri, 512));

        // What the portal accepts, the registry stores and the authorize endpoint matches exactly.
        Assert.True(RedirectUriMatcher.IsRegistrable(uri));
        Assert.True(RedirectUriMatcher.Matches([uri], uri));
    }

    [Theory]
    [InlineData("http://app.example.com/callback", nameof(RedirectUriProblem.HttpNotLoopback))]
    [InlineData("http://127.0.0.1.evil.example/cb", nameof(RedirectUriProblem.HttpNotLoopback))]
    [InlineData("http://localhost.evil.example/cb", nameof(RedirectUriProblem.HttpNotLoopback))]
    [InlineData("http://10.0.0.5/cb", nameof(RedirectUriProblem.HttpNotLoopback))]
    [InlineData("https://app.example.com/callback#frag", nameof(RedirectUriProblem.Fragment))]
    [InlineData("https://app.example.com/callback#", nameof(RedirectUriProblem.Fragment))]
    [InlineData("https://*.example.com/callback", nameof(RedirectUriProblem.Wildcard))]
    [InlineData("https://app.example.com/*", nameof(RedirectUriProblem.Wildcard))]
    [InlineData("https://user:pass@app.example.com/cb", nameof(RedirectUriProblem.UserInfo))]
    [InlineData("https://app.example.com@evil.example/cb", nameof(RedirectUriProblem.UserInfo))]
    [InlineData("http://evil@127.0.0.1/cb", nameof(RedirectUriProblem.UserInfo))]
    [InlineData("/callback", nameof(RedirectUriProblem.NotAbsolute))]
    [InlineData("app.example.com/callback", nameof(RedirectUriProblem.NotAbsolute))]
    [InlineData("https:///callback", nameof(RedirectUriProblem.NotAbsolute))]
    [InlineData("ftp://app.example.com/cb", nameof(RedirectUriProblem.Scheme))]
    [InlineData("javascript://app.example.com/%0aalert(1)", nameof(RedirectUriProblem.Scheme))]
    [InlineData("com.example.app://callback", nameof(RedirectUriProblem.Scheme))]
    [InlineData("https://app.example.com/call back", nameof(RedirectUriProblem.Characters))]
    [InlineData("https://app.example.com\\@evil.example/", nameof(RedirectUriProblem.Characters))]
    [InlineData("https://exämple.com/cb", nameof(RedirectUriProblem.Characters))]
    [InlineData("https://app.example.com/\ncb", nameof(RedirectUriProblem.Characters))]
    [InlineData("", nameof(RedirectUriProblem.Missing))]
    public void CheckOne_BadForm_NamedProblem(string uri, string expected) =>
        Assert.Equal(expected, RedirectUriRules.CheckOne(uri, 512).ToString());

    [Fact]
    public void CheckOne_LongerThanTheLimit_TooLong()
    {
        var uri = "https://app.example.com/" + new string('a', 600);
        Assert.Equal(RedirectUriProblem.TooLong, RedirectUriRules.CheckOne(uri, 512));
        Assert.Equal(RedirectUriProblem.None, RedirectUriRules.CheckOne(uri, 1024));
    }

    [Fact]
    public void Check_ListProblems_NamedWithTheUriConcerned()
    {
        Assert.Equal((RedirectUriProblem.Missing, null), RedirectUriRules.Check([], 10, 512));
        var eleven = Enumerable.Range(0, 11).Select(i => $"https://app.example.com/cb{i}").ToList();
        Assert.Equal(RedirectUriProblem.TooMany, RedirectUriRules.Check(eleven, 10, 512).Problem);
        Assert.Equal((RedirectUriProblem.Duplicate, "https://a.example/cb"), RedirectUriRules.Check(["https://a.example/cb", "https://a.example/cb"], 10, 512));
        Assert.Equal((RedirectUriProblem.Fragment, "https://b.example/#x"), RedirectUriRules.Check(["https://a.example/cb", "https://b.example/#x"], 10, 512));
        Assert.Equal((RedirectUriProblem.None, null), RedirectUriRules.Check(["https://a.example/cb", "http://127.0.0.1:9/cb"], 10, 512));
    }

    [Theory]
    [InlineData("https://app.example.com/", true)]
    [InlineData("http://app.example.com/", false)]
    [InlineData("http://localhost:3000/", false)]
    [InlineData("https://user@app.example.com/", false)]
    [InlineData("javascript:alert(1)", false)]
    public void IsWebsite_OnlyHttps(string uri, bool expected) => Assert.Equal(expected, RedirectUriRules.IsWebsite(uri, 512));
}
