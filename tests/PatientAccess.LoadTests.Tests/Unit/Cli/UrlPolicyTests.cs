using PatientAccess.LoadTests.Cli;

namespace PatientAccess.LoadTests.Tests.Unit.Cli;

public class UrlPolicyTests
{
    [Theory]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("http://127.0.0.1:5000/health/live", true)]
    [InlineData("http://127.5.6.7/", true)]
    [InlineData("https://[::1]:5001/", true)]
    [InlineData("http://0.0.0.0:5000/", false)]
    [InlineData("http://192.168.1.10/", false)]
    [InlineData("http://localhost.example.com/", false)]
    [InlineData("https://example.com/", false)]
    public void IsLoopback_Host_OnlyThisMachine(string url, bool expected)
    {
        Assert.True(UrlPolicy.IsHttpUrl(url, out var uri));
        Assert.Equal(expected, UrlPolicy.IsLoopback(uri));
    }

    [Theory]
    [InlineData("127.0.0.1:5000")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:a@b.c")]
    [InlineData("not a url")]
    public void IsHttpUrl_NotAbsoluteHttp_Refused(string text)
    {
        Assert.False(UrlPolicy.IsHttpUrl(text, out _));
    }
}
