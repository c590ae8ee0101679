using PatientAccess.AuthServer.Clients;

namespace PatientAccess.AuthServer.Tests.Unit.Clients;

public sealed class RedirectUriMatcherTests
{
    [Theory]
    [InlineData("https://app.example.com/cb", "https://app.example.com/cb", true)]
    [InlineData("https://app.example.com/cb", "https://app.example.com/cb/", false)]
    [InlineData("https://app.example.com/cb", "https://APP.example.com/cb", false)]
    [InlineData("https://app.example.com/cb", "https://app.example.com/cb?x=1", false)]
    [InlineData("https://app.example.com/cb", "https://app.example.com:8443/cb", false)]
    [InlineData("https://app.example.com/cb", "https://app.example.com/%63b", false)]
    [InlineData("http://127.0.0.1:8765/callback", "http://127.0.0.1:51234/callback", true)]
    [InlineData("http://127.0.0.1:8765/callback", "http://127.0.0.1/callback", true)]
    [InlineData("http://[::1]:8765/callback", "http://[::1]:4000/callback", true)]
    [InlineData("http://127.0.0.1:8765/callback", "http://127.0.0.1:51234/other", false)]
    [InlineData("http://127.0.0.1:8765/callback", "http://127.0.0.2:8765/callback", false)]
    [InlineData("http://127.0.0.1:8765/callback", "http://localhost:8765/callback", false)]
    [InlineData("http://127.0.0.1:8765/callback", "https://127.0.0.1:8765/callback", false)]
    [InlineData("http://127.0.0.1:8765/callback", "http://127.0.0.1:99999/callback", false)]
    [InlineData("http://127.0.0.1:8765/callback", "http://127.0.0.1:8765/callback#x", false)]
    [InlineData("http://127.0.0.1:8765/callback", "http://127.0.0.1:8765@evil.example/callback", false)]
    public void Matches_PresentedUri_ExactExceptLoopbackPort(string registered, string presented, bool expected) =>
        Assert.Equal(expected, RedirectUriMatcher.Matches([registered], presented));

    [Theory]
    [InlineData("https://app.example.com/cb", true)]
    [InlineData("http://127.0.0.1:8765/cb", true)]
    [InlineData("com.example.app:/cb", true)]
    [InlineData("http://app.example.com/cb", false)]
    [InlineData("https://app.example.com/cb#frag", false)]
    [InlineData("/relative", false)]
    public void IsRegistrable_Uri_RequiresHttpsLoopbackOrPrivateScheme(string uri, bool expected) =>
        Assert.Equal(expected, RedirectUriMatcher.IsRegistrable(uri));
}
