using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Production;

namespace PatientAccess.AuthServer.Tests.Integration.Production;

/// <summary>
/// A developer and their sandbox clients on one host, with <see cref="TestOwnership"/> standing in
/// for the portal's sign-in: sends production requests through the real JSON API and form.
/// </summary>
internal sealed class ProductionDriver
{
    public const string Redirect = "https://app.example.com/callback";

    // One derived server per host, made on first use and disposed with the host: every derived
    // server is a whole application (hosted services, file watchers), and inotify instances are few.
    private static readonly ConditionalWeakTable<AuthServerHost, Shared> PerHost = [];
    private readonly AuthServerHost _host;

    public ProductionDriver(AuthServerHost host)
    {
        _host = host;
        var shared = PerHost.GetValue(host, h =>
        {
            var ownership = new TestOwnership();
            return new Shared(ownership, h.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IClientOwnership>(ownership))));
        });
        (Ownership, Factory) = (shared.Ownership, shared.Factory);
    }

    public TestOwnership Ownership { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public static string NewEmail() => "dev" + Guid.NewGuid().ToString("N")[..10] + "@example.com";

    /// <summary>A client without redirects followed, speaking as <paramref name="developer"/> (null: nobody signed in).</summary>
    public HttpClient Developer(string? developer, string? language = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (developer is not null)
        {
            client.DefaultRequestHeaders.Add(TestOwnership.Header, developer);
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>Registers a sandbox client owned by <paramref name="developer"/>; returns its id.</summary>
    public async Task<string> NewSandboxClientAsync(string developer, ClientType type = ClientType.Public, string? logoUri = null)
    {
        var clientId = "app-" + Guid.NewGuid().ToString("N")[..10];
        await _host.Service<ClientRegistry>().RegisterAsync(
            new ClientRegistration(clientId, "Vitals Tracker " + clientId[4..8], type, ClientStatus.Sandbox, [Redirect], ClientOptions.DefaultDemoScopes,
                LogoUri: logoUri, Website: "https://app.example.com/"),
            CancellationToken.None);
        Ownership.Own(clientId, developer);
        return clientId;
    }

    /// <summary>Every field of a qualifying request (all ten answers Yes), logo included.</summary>
    public static Dictionary<string, string?> Qualifying() => new()
    {
        ["company"] = "Example Health Apps Inc.",
        ["description"] = "Shows your claims and medicines in one timeline.",
        ["purpose"] = "Helps members with chronic conditions keep track of their care.",
        ["customers"] = "consumers",
        ["consumer_cost"] = "Free",
        ["terms_of_service_uri"] = "https://app.example.com/terms",
        ["privacy_policy_uri"] = "https://app.example.com/privacy",
        ["support_email"] = "support@app.example.com",
        ["security_contact"] = "security@app.example.com",
        ["test_instance"] = "yes",
        ["share_with_customers"] = "no",
        ["plans"] = "all",
        ["q1"] = "no", ["q2"] = "yes", ["q3"] = "yes", ["q4"] = "yes", ["q5"] = "yes",
        ["q6"] = "yes", ["q7"] = "yes", ["q8"] = "yes", ["q9"] = "yes", ["q10"] = "yes",
        ["logo"] = Convert.ToBase64String(TestImages.Png(128, 128)),
    };

    public async Task<HttpResponseMessage> SubmitAsync(string clientId, string developer, IDictionary<string, string?> fields, string? language = null)
    {
        using var http = Developer(developer, language);
        return await http.PostAsJsonAsync(new Uri($"/api/developer/clients/{clientId}/production", UriKind.Relative), new JsonObject([.. fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]));
    }

    /// <summary>Sends a qualifying request; returns its request id.</summary>
    public async Task<string> SubmitQualifyingAsync(string clientId, string developer)
    {
        using var response = await SubmitAsync(clientId, developer, Qualifying());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        return (string)JsonNode.Parse(body)!["request_id"]!;
    }

    /// <summary>Approves or denies through the staff API; returns the response (the caller disposes it).</summary>
    public async Task<HttpResponseMessage> DecideAsync(string requestId, string decision, string? reason = "Demo testing and attestation reviewed.")
    {
        using var staff = StaffKey.Client(_host);
        return await staff.PostAsJsonAsync(new Uri($"/api/staff/requests/{requestId}/{decision}", UriKind.Relative), new JsonObject { ["reason"] = reason });
    }

    private sealed record Shared(TestOwnership Ownership, WebApplicationFactory<Program> Factory);
}
