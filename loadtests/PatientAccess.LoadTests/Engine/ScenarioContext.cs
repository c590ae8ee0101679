namespace PatientAccess.LoadTests.Engine;

/// <summary>
/// State of one scenario instance, shared by its steps: later steps read what earlier ones stored
/// (an access token, a patient id) from <see cref="Items"/>.
/// </summary>
internal sealed class ScenarioContext
{
    public ScenarioContext(string scenarioName, long instanceNumber, TimeSpan scheduledAt)
    {
        ScenarioName = scenarioName;
        InstanceNumber = instanceNumber;
        ScheduledAt = scheduledAt;
    }

    public string ScenarioName { get; }

    /// <summary>0-based number of this instance within the run; handy for spreading work over test data.</summary>
    public long InstanceNumber { get; }

    /// <summary>When the load simulation meant this instance to start, relative to the run's start.</summary>
    public TimeSpan ScheduledAt { get; }

    public Dictionary<string, object?> Items { get; } = new(StringComparer.Ordinal);
}
