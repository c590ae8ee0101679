using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PatientAccess.AuthServer.Tests.Integration.Production;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// Makes production apps the way developers and the plan do, through the JSON APIs: a developer
/// signs up (the code from the outbox), registers a confidential app, requests production access
/// with a qualifying attestation and a square logo; a reviewer approves it with the staff key.
/// The app is then in the public gallery.
/// </summary>
internal sealed partial class ProductionApps(EnforcementServices stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new developer's new confidential app; with <paramref name="production"/> false it stays in the sandbox (demo members only, no gallery).</summary>
    public async Task<ProductionApp> CreateAsync(string label, bool production = true)
    {
        var tag = label + "-" + Guid.NewGuid().ToString("N")[..8];
        var email = $"dev-{tag}@example.com";
        var name = "App " + tag;
        var website = $"https://{tag}.example/";
        var redirect = website + "callback";
        using var http = stack.AuthServerClient();

        var signUp = await JsonAsync(http, HttpMethod.Post, "/api/developer/signup", new JsonObject { ["email"] = email, ["name"] = "Developer " + tag }, HttpStatusCode.Accepted);
        var code = await CodeAsync(email);
        var session = await JsonAsync(http, HttpMethod.Post, "/api/developer/verify",
            new JsonObject { ["verification_token"] = (string)signUp["verification_token"]!, ["code"] = code }, HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)session["access_token"]!);

        var client = await JsonAsync(http, HttpMethod.Post, "/api/developer/clients", new JsonObject
        {
            ["name"] = name,
            ["client_type"] = "confidential",
            ["redirect_uris"] = new JsonArray(redirect),
            ["website"] = website,
        }, HttpStatusCode.Created);
        var clientId = (string)client["client_id"]!;
        var app = new ProductionApp(clientId, (string)client["client_secret"]!, name, redirect, email, (string)session["access_token"]!);
        if (!production)
        {
            return app;
        }

        var request = new JsonObject
        {
            ["company"] = name + " Inc.",
            ["description"] = "Shows a member's claims and coverage in one place.",
            ["purpose"] = "Helps members keep track of their care and costs.",
            ["customers"] = "consumers",
            ["consumer_cost"] = "Free",
            ["terms_of_service_uri"] = website + "terms",
            ["privacy_policy_uri"] = website + "privacy",
            ["support_email"] = $"support@{tag}.example",
            ["security_contact"] = $"security@{tag}.example",
            ["test_instance"] = "yes",
            ["share_with_customers"] = "no",
            ["plans"] = "all",
            ["logo"] = Convert.ToBase64String(TestImages.Png(128, 128)),
        };
        // A qualifying attestation: no certification, every other question Yes.
        for (var q = 1; q <= 10; q++)
        {
            request["q" + q.ToString(System.Globalization.CultureInfo.InvariantCulture)] = q == 1 ? "no" : "yes";
        }

        var submitted = await JsonAsync(http, HttpMethod.Post, $"/api/developer/clients/{clientId}/production", request, HttpStatusCode.Created);
        using var staff = stack.AuthServerClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", stack.StaffKey);
        await JsonAsync(staff, HttpMethod.Post, $"/api/staff/requests/{(string)submitted["request_id"]!}/approve",
            new JsonObject { ["reason"] = "Qualifying attestation." }, HttpStatusCode.OK);

        Assert.True(await InGalleryAsync(app), $"{clientId} is not in the gallery after approval");
        return app;
    }

    /// <summary>Whether <c>GET /api/gallery</c> (public) lists the app.</summary>
    public async Task<bool> InGalleryAsync(ProductionApp app)
    {
        using var http = stack.AuthServerClient();
        var gallery = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/gallery", UriKind.Relative), Ct))!.AsArray();
        return gallery.Any(a => (string?)a?["client_id"] == app.ClientId);
    }

    private async Task<string> CodeAsync(string email)
    {
        string? code = null;
        Assert.True(await Eventually.TrueAsync(() =>
        {
            var mail = OutboxMail.All(stack.Outbox).LastOrDefault(m => string.Equals(m.To.Trim(), email, StringComparison.OrdinalIgnoreCase));
            code = mail is null ? null : SixDigits().Match(mail.Body) is { Success: true } match ? match.Value : null;
            return Task.FromResult(code is not null);
        }, TimeSpan.FromSeconds(20)), $"no sign-in code for {email} in {stack.Outbox}");
        return code!;
    }

    private static async Task<JsonObject> JsonAsync(HttpClient http, HttpMethod method, string path, JsonObject body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) as JsonObject ?? [];
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
