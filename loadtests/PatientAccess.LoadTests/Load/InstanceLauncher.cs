namespace PatientAccess.LoadTests.Load;

/// <summary>
/// Runs one scenario instance that was meant to start at the given offset from the run start.
/// The drivers only decide when; what an instance does is the engine's business.
/// </summary>
internal delegate Task InstanceLauncher(TimeSpan scheduledAt, CancellationToken cancellationToken);
