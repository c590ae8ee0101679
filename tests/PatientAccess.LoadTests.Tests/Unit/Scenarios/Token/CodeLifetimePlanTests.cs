using PatientAccess.LoadTests.Scenarios.Token;

namespace PatientAccess.LoadTests.Tests.Unit.Scenarios.Token;

public class CodeLifetimePlanTests
{
    [Fact]
    public void Extrapolate_FirstBatch_ScaledToTheTotal()
    {
        Assert.Equal(TimeSpan.FromSeconds(50), CodeLifetimePlan.Extrapolate(TimeSpan.FromSeconds(1), 12, 600));
    }

    [Fact]
    public void Problem_PreparationPlusLoadWithinFiveMinutes_None()
    {
        Assert.Null(CodeLifetimePlan.Problem(TimeSpan.FromSeconds(120), 3000, TimeSpan.FromSeconds(170), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Problem_PreparationPlusLoadOutliveTheCodes_NamesDurationAndTheNumbers()
    {
        var problem = CodeLifetimePlan.Problem(TimeSpan.FromSeconds(130), 6000, TimeSpan.FromSeconds(170), TimeSpan.FromSeconds(5));

        Assert.Equal(
            "--duration: preparing 6000 codes (about 130 s) plus 170 s of load and the 5 s timeout outlive the authorization codes' " +
            "5-minute lifetime; lower --duration, or --rate (--codes for --concurrency)",
            problem);
    }
}
