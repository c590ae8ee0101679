namespace PatientAccess.LoadTests.Tests.Integration.Smart;

/// <summary>An authserver process: where it listens, and its data folder (demo-clients.json, outbox/).</summary>
public sealed record RunningAuthServer(Uri BaseAddress, string DataDirectory);
