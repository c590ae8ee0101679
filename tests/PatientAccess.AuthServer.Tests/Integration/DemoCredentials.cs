namespace PatientAccess.AuthServer.Tests.Integration;

internal sealed record DemoCredentials(string ConfidentialId, string ConfidentialSecret, string PublicId, string RedirectUri);
