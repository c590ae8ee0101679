using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using PatientAccess.Testing;
using Bundle = Hl7.Fhir.Model.Bundle;
using ExplanationOfBenefit = Hl7.Fhir.Model.ExplanationOfBenefit;

namespace PatientAccess.EndToEnd.Tests.Journey;

/// <summary>
/// The app's server, as its developer would write it from the portal's page: exchanges the code
/// from the redirect for tokens (client secret for confidential apps, the PKCE verifier always)
/// and reads the member's claims through the gateway, parsed as a strict FHIR client would.
/// </summary>
internal sealed class AppBackend(string authServer, string gateway) : IDisposable
{
    private readonly HttpClient _http = new();

    /// <summary>The token response for the code in <paramref name="redirect"/>; fails the test on any error.</summary>
    public async Task<JsonObject> ExchangeAsync(RegisteredApp app, Uri redirect)
    {
        var code = HttpUtility.ParseQueryString(redirect.Query)["code"];
        Assert.False(string.IsNullOrEmpty(code), redirect.ToString());
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = app.Redirect,
            ["code_verifier"] = app.CodeVerifier,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(authServer + "/oauth2/token"));
        if (app.Secret is { } secret)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes(app.ClientId + ":" + secret)));
        }
        else
        {
            form["client_id"] = app.ClientId;
        }

        request.Content = new FormUrlEncodedContent(form);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The member's ExplanationOfBenefit search through the gateway with the access token.</summary>
    public async Task<Bundle> ReadClaimsAsync(JsonObject tokens)
    {
        var patient = (string)tokens["patient"]!;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{gateway}/r4/ExplanationOfBenefit?patient={Uri.EscapeDataString(patient)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)tokens["access_token"]!);
        using var response = await _http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.True(StrictFhir.IsFhirJson(response), response.Content.Headers.ContentType?.ToString());
        var bundle = await StrictFhir.ReadAsync<Bundle>(response);
        Assert.NotEmpty(bundle.Entry);
        Assert.All(bundle.Entry, e =>
        {
            var eob = Assert.IsType<ExplanationOfBenefit>(e.Resource);
            Assert.Equal("Patient/" + patient, eob.Patient.Reference);
        });
        return bundle;
    }

    public void Dispose() => _http.Dispose();
}
