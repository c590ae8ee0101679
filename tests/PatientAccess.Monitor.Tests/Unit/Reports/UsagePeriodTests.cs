using PatientAccess.Monitor.Reports;

namespace PatientAccess.Monitor.Tests.Unit.Reports;

/// <summary>The report's period: both ends included, UTC days; ten years at most.</summary>
public sealed class UsagePeriodTests
{
    [Fact]
    public void Parse_Year_TheWholeCalendarYearInMilliseconds()
    {
        var period = UsagePeriod.Parse(null, null, "2026").Period!;

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (period.From, period.To));
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), period.FromMs);
        Assert.Equal(DateTimeOffset.Parse("2027-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), period.EndMs);
    }

    [Theory]
    [InlineData("2016-01-02", "2026-01-01", true)]
    [InlineData("2016-01-01", "2026-01-01", false)]
    [InlineData("2026-03-01", "2026-03-01", true)]
    [InlineData("2026-03-01", "2026-02-28", false)]
    [InlineData("2026-3-1", "2026-03-02", false)]
    [InlineData("2026-03-01T00:00", "2026-03-02", false)]
    public void Parse_Range_AcceptedUpToTenYears(string from, string to, bool accepted)
    {
        var (period, error) = UsagePeriod.Parse(from, to, null);

        Assert.Equal(accepted, period is not null);
        Assert.Equal(accepted, error is null);
    }
}
