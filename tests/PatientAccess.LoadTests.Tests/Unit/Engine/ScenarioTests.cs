using PatientAccess.LoadTests.Engine;

namespace PatientAccess.LoadTests.Tests.Unit.Engine;

public class ScenarioTests
{
    private static readonly Step Noop = new("noop", (_, _) => Task.FromResult(StepResult.Ok()));

    [Fact]
    public void Constructor_DuplicateStepNames_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Scenario("s", [Noop, Noop]));

        Assert.Contains("noop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoSteps_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Scenario("s", []));
    }

    [Fact]
    public void OutcomeKey_StatusOrErrorKind_GroupsByIt()
    {
        Assert.Equal("503", StepResult.Fail(503).OutcomeKey);
        Assert.Equal("200", StepResult.Ok(200).OutcomeKey);
        Assert.Equal("timeout", StepResult.Error(ErrorKinds.Timeout).OutcomeKey);
        Assert.Equal("ok", StepResult.Ok().OutcomeKey);
    }
}
