using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Load;
using PatientAccess.LoadTests.Scenarios.Token;
using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Tests.Integration.Scenarios;

/// <summary>The refresh pool under the engine's concurrency, against a loopback token endpoint that rotates tokens.</summary>
[Collection(LoopbackServerDefinition.Name)]
public class TokenEndpointScenarioTests(LoopbackServer server)
{
    private static readonly DemoClient App = new("demo-public-app", null, new Uri("http://127.0.0.1:8765/callback"));

    [Fact]
    public async Task RunAsync_PoolAsLargeAsTheConcurrency_EveryRefreshOkAndEveryTokenRotated()
    {
        var pool = new TokenPool<string>(["rt-a", "rt-b", "rt-c"]);
        using var scenario = new TokenEndpointScenario(new RefreshTokenCall(new SmartEndpoints(server.BaseAddress), App, pool));

        var result = await LoadTestRunner.RunAsync(
            scenario.Scenario, [new KeepConcurrentPhase(3, TimeSpan.FromSeconds(2))], new RunSettings(), TestContext.Current.CancellationToken);

        var step = Assert.Single(result.Steps);
        // More refreshes than tokens, so rotated tokens were taken from the pool again. No speed
        // is asserted: a busy CI machine once stalled this run to 10 refreshes in a second.
        Assert.True(step.Ok > 3, $"only {step.Ok} refreshes");
        Assert.Equal(0, step.Failed);
        Assert.Equal(3, pool.Count);
        var left = new List<string>();
        while (pool.TryTake(out var token))
        {
            left.Add(token);
        }

        Assert.DoesNotContain(left, t => t is "rt-a" or "rt-b" or "rt-c");
    }

    [Fact]
    public async Task RunAsync_MoreInstancesThanTokens_EmptyPoolCountedAsItsOwnFailure()
    {
        var pool = new TokenPool<string>(["rt-a"]);
        using var scenario = new TokenEndpointScenario(new RefreshTokenCall(new SmartEndpoints(server.BaseAddress), App, pool));

        // 200/s against 20 ms answers: arrivals come 5 ms apart, so most find the single token out
        // and fail at once (the open model never waits); those that find it back refresh it.
        var result = await LoadTestRunner.RunAsync(
            scenario.Scenario, [new ConstantRatePhase(200, TimeSpan.FromSeconds(1))], new RunSettings(), TestContext.Current.CancellationToken);

        var step = Assert.Single(result.Steps);
        Assert.True(step.Ok > 0);
        Assert.True(step.FailedByOutcome.TryGetValue(TokenErrorKinds.RefreshPoolEmpty, out var empty) && empty > 0, "no arrival found the pool empty");
        Assert.Equal([TokenErrorKinds.RefreshPoolEmpty], step.FailedByOutcome.Keys);
        Assert.Equal(200, step.Ok + step.Failed);
        Assert.Equal(1, pool.Count);
    }
}
