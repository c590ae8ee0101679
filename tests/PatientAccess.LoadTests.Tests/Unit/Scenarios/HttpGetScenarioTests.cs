using PatientAccess.LoadTests.Scenarios;

namespace PatientAccess.LoadTests.Tests.Unit.Scenarios;

public class HttpGetScenarioTests
{
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
