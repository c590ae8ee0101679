using PatientAccess.LoadTests.Scenarios;

namespace PatientAccess.LoadTests.Tests.Unit.Scenarios;

public class HttpGetScenarioTests
{
    [Theory]
    [InlineData(HttpRequestError.ConnectionError, "connection-error")]
    [InlineData(HttpRequestError.NameResolutionError, "name-resolution-error")]
    [InlineData(HttpRequestError.ResponseEnded, "response-ended")]
    public void ErrorKindOf_RequestError_KebabCase(HttpRequestError error, string expected)
    {
        Assert.Equal(expected, HttpGetScenario.ErrorKindOf(new HttpRequestException(error)));
    }

    [Theory]
    [InlineData("Authorization", "Bearer x", true)]
    [InlineData("X-Request-Id", "abc", true)]
    [InlineData("Content-Type", "text/plain", false)]
    [InlineData("Bad Name", "x", false)]
    [InlineData("X-Smuggle", "a\r\nHost: evil", false)]
    public void IsValidRequestHeader_NameAndValue_OnlyRequestHeaders(string name, string value, bool expected)
    {
        Assert.Equal(expected, HttpGetScenario.IsValidRequestHeader(name, value));
    }

    [Fact]
    public void Constructor_NoUrls_Throws()
    {
        Assert.Throws<ArgumentException>(() => new HttpGetScenario([], []));
    }
}
