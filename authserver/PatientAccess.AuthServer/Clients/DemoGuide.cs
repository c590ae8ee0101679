using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.AuthServer.Tokens;

namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// The text <c>./run.sh</c> prints once the stack is ready: the demo apps' credentials, a
/// ready-to-open SMART authorize URL per app with its PKCE verifier beside it, and the curl
/// commands that turn the code into a token and the token into an ExplanationOfBenefit read, so
/// a newcomer gets from <c>./run.sh</c> to a claim by copy and paste. The commands are plain
/// shell (curl and the variables CODE, ACCESS_TOKEN and PATIENT), nothing else to install.
/// </summary>
internal static class DemoGuide
{
    public const string FileName = "demo-guide.txt";

    public const string Scope = "launch/patient openid fhirUser patient/*.rs";

    public static string Render(DemoGuideSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (issuer, fhir, redirect, secret) = (settings.IssuerBase.TrimEnd('/'), settings.FhirBase.TrimEnd('/'), settings.RedirectUri, settings.ConfidentialSecret);
        var sunrise = DemoApp.All.Single(a => a.ClientId == DemoClientSeeder.ConfidentialClientId);
        var pocket = DemoApp.All.Single(a => a.ClientId == DemoClientSeeder.PublicClientId);
        var token = issuer + "/oauth2/token";
        var exchange = $"-d grant_type=authorization_code -d \"code=$CODE\" --data-urlencode 'redirect_uri={redirect}'";
        var testUrl = QueryHelpers.AddQueryString(issuer + "/oauth2/authorize/test", new Dictionary<string, string?> { ["client_id"] = sunrise.ClientId, ["redirect_uri"] = redirect });
        return string.Create(CultureInfo.InvariantCulture, $"""
            Demo apps (approved production apps, listed in the gallery; credentials also in {settings.CredentialsPath}):
              {sunrise.Name,-22} client_id      {sunrise.ClientId} (confidential)
              {string.Empty,-22} client_secret  {secret}
              {string.Empty,-22} redirect_uri   {redirect}
              {pocket.Name,-22} client_id      {pocket.ClientId} (public: PKCE, no secret)
              {string.Empty,-22} redirect_uri   {redirect}

            From here to a claim by copy and paste. Sign in as the demo member with an e-mail address of
            your own (the code e-mails are written to {settings.OutboxPath}). After "Allow" the browser
            goes to {redirect}?code=...: nothing listens there, copy the code from the address bar.

            {sunrise.Name} (confidential), SMART App Launch with PKCE:
              1. open this URL in a browser:
                 {AuthorizeUrl(issuer, fhir, sunrise.ClientId, redirect, settings.ConfidentialVerifier, settings.State)}
                 code_verifier  {settings.ConfidentialVerifier}
              2. CODE='<the code from the address bar>'
                 curl -s -u '{sunrise.ClientId}:{secret}' {exchange} -d code_verifier={settings.ConfidentialVerifier} {token}
              3. ACCESS_TOKEN='<access_token from the answer>' PATIENT='<patient from the answer>'
                 curl -s -H "Authorization: Bearer $ACCESS_TOKEN" "{fhir}/ExplanationOfBenefit?patient=$PATIENT"

            {pocket.Name} (public), the same with client_id and no secret:
              1. open this URL in a browser:
                 {AuthorizeUrl(issuer, fhir, pocket.ClientId, redirect, settings.PublicVerifier, settings.State)}
                 code_verifier  {settings.PublicVerifier}
              2. CODE='<the code from the address bar>'
                 curl -s -d client_id={pocket.ClientId} {exchange} -d code_verifier={settings.PublicVerifier} {token}
              3. as above.

            The plan's documented test flow (confidential apps and demo members only, no PKCE; real apps use the flow above):
              1. open this URL in a browser:
                 {testUrl}
              2. CODE='<the code from the address bar>'
                 curl -s -d client_id={sunrise.ClientId} -d client_secret={secret} -d grant_type=authorization_code -d "code=$CODE" {token}
              3. as above.

            """);
    }

    /// <summary>A standalone-launch authorize URL (SMART App Launch 2: state and PKCE S256 required); the developer portal's guide uses it too.</summary>
    public static string AuthorizeUrl(string issuerBase, string fhirBase, string clientId, string redirectUri, string verifier, string state, string scope = Scope) =>
        QueryHelpers.AddQueryString(issuerBase.TrimEnd('/') + "/oauth2/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = state,
            ["aud"] = fhirBase,
            ["code_challenge"] = Pkce.ChallengeOf(verifier),
            ["code_challenge_method"] = "S256",
        });
}
