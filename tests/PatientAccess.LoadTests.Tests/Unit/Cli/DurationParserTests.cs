using PatientAccess.LoadTests.Cli;

namespace PatientAccess.LoadTests.Tests.Unit.Cli;

public class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("0s", 0)]
    public void TryParse_NumberAndUnit_Parsed(string text, double expectedMs)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("-5s")]
    [InlineData("5 s")]
    [InlineData("1e3ms")]
    [InlineData("5sec")]
    [InlineData("00:00:30")]
    [InlineData("1,000ms")]
    public void TryParse_NotNumberAndUnit_Refused(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }
}
