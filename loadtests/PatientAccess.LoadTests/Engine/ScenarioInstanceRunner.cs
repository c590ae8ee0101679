using PatientAccess.LoadTests.Stats;

namespace PatientAccess.LoadTests.Engine;

/// <summary>
/// Runs one scenario instance: its steps in order, each under the request timeout, recording every
/// step and the instance as a whole. Never throws for anything a step does, because a load test
/// must keep counting when the system under test misbehaves.
/// </summary>
internal sealed class ScenarioInstanceRunner
{
    private readonly Scenario _scenario;
    private readonly RunSettings _settings;
    private readonly StatsCollector _stats;
    private readonly RunClock _clock;
    private long _nextInstance = -1;

    public ScenarioInstanceRunner(Scenario scenario, RunSettings settings, StatsCollector stats, RunClock clock)
    {
        _scenario = scenario;
        _settings = settings;
        _stats = stats;
        _clock = clock;
    }

    public async Task RunAsync(TimeSpan scheduledAt, CancellationToken stopInstances)
    {
        var context = new ScenarioContext(_scenario.Name, Interlocked.Increment(ref _nextInstance), scheduledAt);
        var instanceStart = _clock.Elapsed;
        var outcome = StepResult.Ok();
        long bytes = 0;
        foreach (var step in _scenario.Steps)
        {
            var stepStart = _clock.Elapsed;
            var result = await RunStepAsync(step, context, stopInstances);
            var stepEnd = _clock.Elapsed;
            if (result.IsOk && stepEnd - stepStart > _settings.RequestTimeout)
            {
                // A step that ignored its token and answered late still failed the user, who gave up.
                result = StepResult.Error(ErrorKinds.Timeout, result.Bytes);
            }

            _stats.RecordStep(step.Name, result, stepEnd - stepStart, stepEnd);
            bytes += result.Bytes;
            outcome = result;
            if (!result.IsOk)
            {
                break;
            }
        }

        var instanceResult = outcome.IsOk ? StepResult.Ok(outcome.StatusCode, bytes) : outcome with { Bytes = bytes };
        _stats.Scenario.Record(instanceResult, _clock.Elapsed - instanceStart);
    }

    private async Task<StepResult> RunStepAsync(Step step, ScenarioContext context, CancellationToken stopInstances)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopInstances);
        timeout.CancelAfter(_settings.RequestTimeout);
        try
        {
            return await step.Run(context, timeout.Token);
        }
#pragma warning disable CA1031 // Whatever a step throws is a result to count, not a reason to stop the run.
        // Once a token fired, whatever the step throws (OperationCanceledException, or an
        // HttpRequestException wrapping it) is the cancellation's doing, so it is classified by the token.
        catch (Exception) when (stopInstances.IsCancellationRequested)
        {
            return StepResult.Error(ErrorKinds.Cancelled);
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
            return StepResult.Error(ErrorKinds.Timeout);
        }
        catch (Exception ex)
        {
            return StepResult.Error(ErrorKinds.Exception(ex));
        }
#pragma warning restore CA1031
    }
}
