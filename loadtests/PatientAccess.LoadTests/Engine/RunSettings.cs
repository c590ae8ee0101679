namespace PatientAccess.LoadTests.Engine;

/// <summary>Limits that keep a run bounded whatever the system under test does.</summary>
internal sealed record RunSettings
{
    /// <summary>Each step is cancelled and counted as a timeout after this long.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Open-model arrivals that find this many instances still running are dropped (and counted), so a
    /// stalled system cannot make the generator pile up unbounded work.
    /// </summary>
    public int MaxInFlight { get; init; } = 1000;

    public void Validate()
    {
        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "The request timeout must be positive.");
        }

        if (MaxInFlight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInFlight), MaxInFlight, "The in-flight cap must be positive.");
        }
    }
}
