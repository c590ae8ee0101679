using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Load;
using PatientAccess.LoadTests.Reports;
using PatientAccess.LoadTests.Stats;

namespace PatientAccess.LoadTests.Tests.Unit.Reports;

/// <summary>A fixed run result, so report tests check formatting without running load.</summary>
internal static class SampleReport
{
    public static RunReport Create(string scenarioName = "http-get", bool openModel = true)
    {
        var latency = new LatencySummary(1.25, 4.5, 3.0, 4.0, 6.0, 8.0, 12.5, 40.0, 52.75);
        var get = new StepSummary(
            "GET",
            400,
            390,
            10,
            new Dictionary<string, long> { ["200"] = 390 },
            new Dictionary<string, long> { ["503"] = 7, ["timeout"] = 3 },
            latency,
            123_456,
            19.9);
        var phase = openModel
            ? new PhaseResult("open: constant 20/s for 00:00:20", true, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), 400, 400, 0)
            : new PhaseResult("closed: keep 4 concurrent for 00:00:20", false, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), 0, 400, 0);
        var result = new RunResult
        {
            ScenarioName = scenarioName,
            StartedAt = new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.Zero),
            Elapsed = TimeSpan.FromSeconds(20.1),
            Settings = new RunSettings { RequestTimeout = TimeSpan.FromSeconds(5), MaxInFlight = 1000 },
            Phases = [phase],
            Steps = [get],
            Scenario = get with { Name = scenarioName },
            DispatchLag = new LatencySummary(0, 0.1, 0.05, 0.1, 0.2, 0.3, 0.5, 0.9, 1.2),
            Timeline = [.. Enumerable.Range(0, 20).Select(s => new TimelinePoint(s, 19 + (s % 2), s == 5 ? 10 : 0))],
            PeakInFlight = 7,
            Abandoned = 0,
            StoppedEarly = false,
        };
        var environment = new RunEnvironment(
            "PatientAccess.LoadTests http --url 'http://127.0.0.1:5000/r4/Patient?name=<b>&x=|' --rate 20 --duration 20s",
            "build-box",
            2,
            "Linux",
            ".NET 10");
        return new RunReport(result, environment, ["http://127.0.0.1:5000/r4/Patient?name=<b>&x=|"]);
    }
}
