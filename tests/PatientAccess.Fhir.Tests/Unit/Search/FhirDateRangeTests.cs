using PatientAccess.Fhir.Search;

namespace PatientAccess.Fhir.Tests.Unit.Search;

public sealed class FhirDateRangeTests
{
    [Theory]
    [InlineData("2020", "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z")]
    [InlineData("2020-02", "2020-02-01T00:00:00Z", "2020-03-01T00:00:00Z")]
    [InlineData("2020-12", "2020-12-01T00:00:00Z", "2021-01-01T00:00:00Z")]
    [InlineData("1950-10-19", "1950-10-19T00:00:00Z", "1950-10-20T00:00:00Z")]
    [InlineData("2020-03-01T10:00Z", "2020-03-01T10:00:00Z", "2020-03-01T10:01:00Z")]
    [InlineData("2020-03-01T10:00:00Z", "2020-03-01T10:00:00Z", "2020-03-01T10:00:01Z")]
    [InlineData("2020-03-01T10:00:00.250Z", "2020-03-01T10:00:00.250Z", "2020-03-01T10:00:00.251Z")]
    [InlineData("2020-03-01T10:00:00-05:00", "2020-03-01T15:00:00Z", "2020-03-01T15:00:01Z")]
    [InlineData("2020-03-01T10:00:00+14:00", "2020-02-29T20:00:00Z", "2020-02-29T20:00:01Z")]
    [InlineData("2020-03-01T10:00:00", "2020-03-01T10:00:00Z", "2020-03-01T10:00:01Z")]
    [InlineData("2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z", "2017-01-01T00:00:00Z")]
    public void TryParse_Precision_GivesRangeOfThatPrecision(string text, string low, string high)
    {
        Assert.True(FhirDateRange.TryParse(text, out var range));

        Assert.Equal(DateTimeOffset.Parse(low, System.Globalization.CultureInfo.InvariantCulture), range.Low);
        Assert.Equal(DateTimeOffset.Parse(high, System.Globalization.CultureInfo.InvariantCulture), range.High);
    }

    [Fact]
    public void TryParse_LastYear_RunsToEndOfTime()
    {
        Assert.True(FhirDateRange.TryParse("9999", out var range));

        Assert.Equal(DateTimeOffset.MaxValue, range.High);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("2020-13")]
    [InlineData("2021-02-29")]
    [InlineData("2020-03-01T25:00:00Z")]
    [InlineData("2020-03-01T10:00:00+15:00")]
    [InlineData("2020-03-01T10")]
    [InlineData("2020-03-01 10:00:00Z")]
    [InlineData("2020-03-01T10:00:00.Z")]
    [InlineData("0000")]
    [InlineData("yesterday")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(FhirDateRange.TryParse(text, out _));
    }
}
