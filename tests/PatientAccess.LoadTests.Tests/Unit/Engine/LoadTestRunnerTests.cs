using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Load;

namespace PatientAccess.LoadTests.Tests.Unit.Engine;

/// <summary>The engine with in-memory steps: counts, drops, timeouts and failures, no network.</summary>
public class LoadTestRunnerTests
{
    private static readonly RunSettings Settings = new() { RequestTimeout = TimeSpan.FromSeconds(2), MaxInFlight = 100 };

    [Fact]
    public async Task RunAsync_OpenModel_StartsEveryScheduledArrival()
    {
        var scenario = new Scenario("fast", [new Step("answer", (_, _) => Task.FromResult(StepResult.Ok(200, 10)))]);

        var result = await LoadTestRunner.RunAsync(scenario, [new ConstantRatePhase(100, TimeSpan.FromMilliseconds(500))], Settings, TestContext.Current.CancellationToken);

        Assert.Equal(50, result.Planned);
        Assert.Equal(50, result.Started);
        Assert.Equal(0, result.Dropped);
        var step = Assert.Single(result.Steps);
        Assert.Equal(50, step.Ok);
        Assert.Equal(500, step.Bytes);
        Assert.Equal(50, step.OkByOutcome["200"]);
        Assert.Equal(50, result.Scenario.Count);
        Assert.Equal(100.0, result.OfferedRate);
        Assert.Equal(50, result.Timeline.Sum(p => p.Ok));
    }

    [Fact]
    public async Task RunAsync_InstancesOutliveTheCap_ExcessArrivalsDroppedAndCounted()
    {
        // Every instance holds its slot for 400 ms while arrivals come every 10 ms, so most find the cap hit.
        var scenario = new Scenario("slow", [new Step("wait", async (_, ct) =>
        {
            await Task.Delay(400, ct);
            return StepResult.Ok();
        })]);
        var settings = Settings with { MaxInFlight = 5 };

        var result = await LoadTestRunner.RunAsync(scenario, [new ConstantRatePhase(100, TimeSpan.FromMilliseconds(300))], settings, TestContext.Current.CancellationToken);

        Assert.Equal(30, result.Planned);
        Assert.Equal(5, result.Started);
        Assert.Equal(25, result.Dropped);
        Assert.Equal(5, result.PeakInFlight);
        Assert.Equal(5, result.Steps[0].Ok);
    }

    [Fact]
    public async Task RunAsync_StepOutlastsTimeout_CountedAsTimeoutFailure()
    {
        var scenario = new Scenario("hang", [new Step("wait", async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return StepResult.Ok();
        })]);
        var settings = Settings with { RequestTimeout = TimeSpan.FromMilliseconds(100) };

        var result = await LoadTestRunner.RunAsync(scenario, [new ConstantRatePhase(20, TimeSpan.FromMilliseconds(200))], settings, TestContext.Current.CancellationToken);

        var step = Assert.Single(result.Steps);
        Assert.Equal(4, step.Failed);
        Assert.Equal(4, step.FailedByOutcome[ErrorKinds.Timeout]);
        Assert.InRange(step.Latency.Min, 90, 5_000);
    }

    [Fact]
    public async Task RunAsync_StepIgnoresTokenAndAnswersLate_CountedAsTimeoutFailure()
    {
        var scenario = new Scenario("deaf", [new Step("wait", async (_, _) =>
        {
            await Task.Delay(150, CancellationToken.None);
            return StepResult.Ok(200);
        })]);
        var settings = Settings with { RequestTimeout = TimeSpan.FromMilliseconds(50) };

        var result = await LoadTestRunner.RunAsync(scenario, [new ConstantRatePhase(10, TimeSpan.FromMilliseconds(200))], settings, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Steps[0].FailedByOutcome[ErrorKinds.Timeout]);
    }

    [Fact]
    public async Task RunAsync_StepThrows_CountedByExceptionType()
    {
        var scenario = new Scenario("broken", [new Step("throw", (_, _) => throw new InvalidOperationException("boom"))]);

        var result = await LoadTestRunner.RunAsync(scenario, [new ConstantRatePhase(20, TimeSpan.FromMilliseconds(100))], Settings, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Steps[0].FailedByOutcome["exception:InvalidOperationException"]);
    }

    [Fact]
    public async Task RunAsync_FirstStepFails_LaterStepsSkippedAndInstanceFails()
    {
        var second = 0;
        var scenario = new Scenario("login-then-read",
        [
            new Step("login", (_, _) => Task.FromResult(StepResult.Fail(401, 20))),
            new Step("read", (_, _) =>
            {
                Interlocked.Increment(ref second);
                return Task.FromResult(StepResult.Ok(200));
            }),
        ]);

        var result = await LoadTestRunner.RunAsync(scenario, [new ConstantRatePhase(20, TimeSpan.FromMilliseconds(100))], Settings, TestContext.Current.CancellationToken);

        Assert.Equal(0, second);
        Assert.Equal(2, result.Steps[0].FailedByOutcome["401"]);
        Assert.Equal(0, result.Steps[1].Count);
        Assert.Equal(2, result.Scenario.FailedByOutcome["401"]);
        Assert.Equal(40, result.Scenario.Bytes);
    }

    [Fact]
    public async Task RunAsync_StepsShareContext_LaterStepReadsEarlierItems()
    {
        var scenario = new Scenario("token-flow",
        [
            new Step("login", (ctx, _) =>
            {
                ctx.Items["token"] = $"t{ctx.InstanceNumber}";
                return Task.FromResult(StepResult.Ok(200));
            }),
            new Step("read", (ctx, _) =>
                Task.FromResult(ctx.Items["token"] as string == $"t{ctx.InstanceNumber}" ? StepResult.Ok(200) : StepResult.Fail(401))),
        ]);

        var result = await LoadTestRunner.RunAsync(scenario, [new ConstantRatePhase(50, TimeSpan.FromMilliseconds(200))], Settings, TestContext.Current.CancellationToken);

        Assert.Equal(10, result.Steps[1].Ok);
    }

    [Fact]
    public async Task RunAsync_ClosedModel_NeverMoreThanNInFlight()
    {
        var scenario = new Scenario("closed", [new Step("wait", async (_, ct) =>
        {
            await Task.Delay(20, ct);
            return StepResult.Ok();
        })]);

        var result = await LoadTestRunner.RunAsync(scenario, [new KeepConcurrentPhase(3, TimeSpan.FromMilliseconds(300))], Settings, TestContext.Current.CancellationToken);

        Assert.Equal(3, result.PeakInFlight);
        Assert.InRange(result.Started, 3, 60);
        Assert.Null(result.OfferedRate);
        Assert.Equal(result.Started, result.Scenario.Count);
    }

    [Fact]
    public async Task RunAsync_PhasesInSequence_EachReportedSeparately()
    {
        var scenario = new Scenario("fast", [new Step("answer", (_, _) => Task.FromResult(StepResult.Ok()))]);
        LoadPhase[] phases = [new RampRatePhase(0, 100, TimeSpan.FromMilliseconds(200)), new ConstantRatePhase(100, TimeSpan.FromMilliseconds(200))];

        var result = await LoadTestRunner.RunAsync(scenario, phases, Settings, TestContext.Current.CancellationToken);

        Assert.Equal([10L, 20L], result.Phases.Select(p => p.Started));
        Assert.Equal(30, result.Steps[0].Ok);
    }

    [Fact]
    public async Task RunAsync_CancelledMidRun_StopsEarlyAndStillReports()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(TimeSpan.FromMilliseconds(300));
        var scenario = new Scenario("fast", [new Step("answer", (_, _) => Task.FromResult(StepResult.Ok()))]);

        var result = await LoadTestRunner.RunAsync(scenario, [new ConstantRatePhase(20, TimeSpan.FromSeconds(20))], Settings, stop.Token);

        Assert.True(result.StoppedEarly);
        Assert.InRange(result.Started, 1, 100);
        // The started rate is over the time the phase ran, not the 20 s it was meant to run.
        Assert.InRange(result.StartedRate, 5, 60);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(10));
    }
}
