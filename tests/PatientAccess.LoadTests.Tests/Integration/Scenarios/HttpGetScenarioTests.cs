using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Load;
using PatientAccess.LoadTests.Scenarios;

namespace PatientAccess.LoadTests.Tests.Integration.Scenarios;

/// <summary>The built-in scenario through the engine against a real loopback server. Asserts counts, not timing.</summary>
[Collection(LoopbackServerDefinition.Name)]
public class HttpGetScenarioTests(LoopbackServer server)
{
    [Fact]
    public async Task RunAsync_OkAndFailUrls_CountedByStatus()
    {
        using var scenario = new HttpGetScenario([server.Url("/ok"), server.Url("/fail")], []);
        var settings = new RunSettings { RequestTimeout = TimeSpan.FromSeconds(5) };

        var result = await LoadTestRunner.RunAsync(
            scenario.Scenario, [new ConstantRatePhase(40, TimeSpan.FromSeconds(1.5))], settings, TestContext.Current.CancellationToken);

        Assert.Equal(60, result.Planned);
        Assert.Equal(60, result.Started);
        Assert.Equal(0, result.Dropped);
        Assert.Equal(0, result.Abandoned);
        var step = Assert.Single(result.Steps);
        Assert.Equal(60, step.Count);
        Assert.Equal(30, step.OkByOutcome["200"]);
        Assert.Equal(30, step.FailedByOutcome["503"]);
        Assert.Equal(30L * LoopbackServer.OkBody.Length, step.Bytes);
        Assert.Equal(40.0, result.OfferedRate);
        // Achieved = every offered arrival started within the load window; the step rate is only
        // loosely bounded because the drain after the last arrival stretches the elapsed time.
        Assert.Equal(result.OfferedRate!.Value, result.StartedRate, 6);
        Assert.InRange(step.RequestsPerSecond, 40 * 0.3, 40 * 1.2);
        Assert.Equal(60, result.Timeline.Sum(p => p.Ok + p.Failed));
        Assert.True(step.Latency.Max >= step.Latency.P50 && step.Latency.P50 > 0);
    }

    [Fact]
    public async Task RunAsync_SlowerThanTimeout_CountedAsTimeoutFailures()
    {
        using var scenario = new HttpGetScenario([server.Url("/slow?ms=3000")], []);
        var settings = new RunSettings { RequestTimeout = TimeSpan.FromMilliseconds(250) };

        var result = await LoadTestRunner.RunAsync(
            scenario.Scenario, [new ConstantRatePhase(10, TimeSpan.FromSeconds(1))], settings, TestContext.Current.CancellationToken);

        var step = Assert.Single(result.Steps);
        Assert.Equal(10, step.Failed);
        Assert.Equal(10, step.FailedByOutcome[ErrorKinds.Timeout]);
        Assert.Equal(0, step.Ok);
        Assert.Equal(10, result.Scenario.FailedByOutcome[ErrorKinds.Timeout]);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(3), $"the run took {result.Elapsed}; timed-out requests were waited for");
    }

    [Fact]
    public async Task RunAsync_CapBelowWhatSlowRequestsNeed_DropsCounted()
    {
        using var scenario = new HttpGetScenario([server.Url("/slow?ms=800")], []);
        var settings = new RunSettings { RequestTimeout = TimeSpan.FromSeconds(5), MaxInFlight = 3 };

        var result = await LoadTestRunner.RunAsync(
            scenario.Scenario, [new ConstantRatePhase(20, TimeSpan.FromMilliseconds(500))], settings, TestContext.Current.CancellationToken);

        Assert.Equal(10, result.Planned);
        Assert.Equal(3, result.Started);
        Assert.Equal(7, result.Dropped);
        Assert.Equal(3, result.Steps[0].OkByOutcome["200"]);
    }

    [Fact]
    public async Task RunAsync_CheckFhir_InvalidBodiesFailAsInvalidFhir()
    {
        using var scenario = new HttpGetScenario([server.Url("/fhir/valid"), server.Url("/fhir/invalid"), server.Url("/fail")], [], checkFhir: true);

        var result = await LoadTestRunner.RunAsync(
            scenario.Scenario, [new ConstantRatePhase(30, TimeSpan.FromSeconds(1))], new RunSettings(), TestContext.Current.CancellationToken);

        var step = Assert.Single(result.Steps);
        Assert.Equal(10, step.OkByOutcome["200"]);
        Assert.Equal(10, step.FailedByOutcome[Http.FhirBodyCheck.ErrorKind]);
        Assert.Equal(10, step.FailedByOutcome["503"]);
    }

    [Fact]
    public async Task RunAsync_WithoutCheckFhir_InvalidFhirCountsAsOk()
    {
        using var scenario = new HttpGetScenario([server.Url("/fhir/invalid")], []);

        var result = await LoadTestRunner.RunAsync(
            scenario.Scenario, [new ConstantRatePhase(10, TimeSpan.FromMilliseconds(500))], new RunSettings(), TestContext.Current.CancellationToken);

        Assert.Equal(5, result.Steps[0].OkByOutcome["200"]);
    }

    [Fact]
    public async Task RunAsync_NothingListening_ConnectionErrorsCounted()
    {
        var closedPort = FreePort();
        using var scenario = new HttpGetScenario([new Uri($"http://127.0.0.1:{closedPort}/")], []);

        var result = await LoadTestRunner.RunAsync(
            scenario.Scenario, [new ConstantRatePhase(10, TimeSpan.FromMilliseconds(500))], new RunSettings(), TestContext.Current.CancellationToken);

        Assert.Equal(5, result.Steps[0].FailedByOutcome["connection-error"]);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
