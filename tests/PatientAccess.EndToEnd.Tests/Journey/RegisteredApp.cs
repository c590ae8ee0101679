namespace PatientAccess.EndToEnd.Tests.Journey;

/// <summary>
/// What a developer copies from their app's page in the portal: the client ID, the secret (shown
/// once, confidential apps only), the demo authorize URL and the PKCE verifier shown beside it.
/// </summary>
internal sealed record RegisteredApp(string ClientId, string? Secret, string AuthorizeUrl, string CodeVerifier, string Redirect);
