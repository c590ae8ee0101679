namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// A confidential app a developer registered and the plan approved: in the gallery, open to every member
/// (or still in the sandbox). <paramref name="DeveloperToken"/> is the developer's portal API session.
/// </summary>
internal sealed record ProductionApp(string ClientId, string Secret, string Name, string Redirect, string DeveloperEmail, string? DeveloperToken = null);
