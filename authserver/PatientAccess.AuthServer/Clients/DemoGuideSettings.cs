namespace PatientAccess.AuthServer.Clients;

/// <summary>What <see cref="DemoGuide"/> needs: where things are, the demo credentials, and fresh one-time values.</summary>
/// <param name="IssuerBase">The authserver's public base URL (the issuer), without a trailing slash.</param>
/// <param name="FhirBase">The gateway's FHIR base URL: the <c>aud</c> apps name, and where they read.</param>
/// <param name="RedirectUri">The demo apps' redirect URI.</param>
/// <param name="ConfidentialSecret">The confidential demo app's secret, from demo-clients.json.</param>
/// <param name="CredentialsPath">Where demo-clients.json is.</param>
/// <param name="OutboxPath">Where the code e-mails are written.</param>
/// <param name="ConfidentialVerifier">A fresh PKCE code_verifier for the confidential app's URL.</param>
/// <param name="PublicVerifier">A fresh PKCE code_verifier for the public app's URL.</param>
/// <param name="State">A fresh state value for both URLs.</param>
internal sealed record DemoGuideSettings(
    string IssuerBase,
    string FhirBase,
    string RedirectUri,
    string ConfidentialSecret,
    string CredentialsPath,
    string OutboxPath,
    string ConfidentialVerifier,
    string PublicVerifier,
    string State);
