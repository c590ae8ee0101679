namespace PatientAccess.LoadTests.Load;

/// <summary>
/// What a phase offered and what the generator managed: Planned arrivals (open model), how many
/// instances started, and how many were dropped at the in-flight cap. <see cref="Ran"/> is the
/// phase's <see cref="Duration"/> unless the run was stopped early.
/// </summary>
internal sealed record PhaseResult(
    string Description,
    bool IsOpenModel,
    TimeSpan Duration,
    TimeSpan Ran,
    long Planned,
    long Started,
    long Dropped)
{
    /// <summary>Arrivals per second the phase meant to offer; null for the closed model, which offers no fixed rate.</summary>
    public double? OfferedRate => IsOpenModel ? Planned / Duration.TotalSeconds : null;

    /// <summary>Instances started per second of the time the phase actually ran.</summary>
    public double StartedRate => Ran > TimeSpan.Zero ? Started / Ran.TotalSeconds : 0;
}
