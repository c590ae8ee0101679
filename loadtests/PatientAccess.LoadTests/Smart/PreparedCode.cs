namespace PatientAccess.LoadTests.Smart;

/// <summary>An authorization code an app received, with what it must present to redeem it.</summary>
internal sealed record PreparedCode(string Code, string Verifier, Uri RedirectUri);
