namespace PatientAccess.LoadTests.Engine;

/// <summary>
/// One named, timed unit of a scenario, usually one request. The token passed in is cancelled when
/// the per-request timeout expires or the run stops; the engine turns that into a failed result.
/// </summary>
internal sealed record Step(string Name, Func<ScenarioContext, CancellationToken, Task<StepResult>> Run);
