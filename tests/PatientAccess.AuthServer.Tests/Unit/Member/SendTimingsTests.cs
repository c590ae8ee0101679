using PatientAccess.AuthServer.Member.Codes;

namespace PatientAccess.AuthServer.Tests.Unit.Member;

public sealed class SendTimingsTests
{
    [Fact]
    public void Sample_NothingSentYet_Zero()
    {
        Assert.Equal(TimeSpan.Zero, new SendTimings().Sample(sent: true));
    }

    [Fact]
    public void Sample_AfterSends_OneOfTheRecentDurationsOfThatOutcome()
    {
        var timings = new SendTimings();
        timings.Record(sent: true, TimeSpan.FromMilliseconds(40));
        timings.Record(sent: true, TimeSpan.FromMilliseconds(60));
        timings.Record(sent: false, TimeSpan.FromSeconds(10));
        for (var i = 0; i < 50; i++)
        {
            Assert.Contains(timings.Sample(sent: true), new[] { TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(60) });
            Assert.Equal(TimeSpan.FromSeconds(10), timings.Sample(sent: false));
        }
    }

    [Fact]
    public void Sample_ManySends_OnlyTheLatestAreKept()
    {
        var timings = new SendTimings();
        timings.Record(sent: true, TimeSpan.FromSeconds(30));
        for (var i = 0; i < SendTimings.Kept; i++)
        {
            timings.Record(sent: true, TimeSpan.FromMilliseconds(50));
        }

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(50), timings.Sample(sent: true));
        }
    }
}
