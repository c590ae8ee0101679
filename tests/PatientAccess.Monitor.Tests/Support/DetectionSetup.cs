using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PatientAccess.Monitor.Tests.Support;

/// <summary>Settings and calls the detection tests share: a monitor whose enforcement goes to a <see cref="FakeAuthServer"/>, quick upkeep.</summary>
internal static class DetectionSetup
{
    /// <summary>Extra settings: the fake authserver, its admin key in the data folder, fast retries and upkeep.</summary>
    public static Dictionary<string, string?> Extra(IDictionary<string, string?> settings, FakeAuthServer authServer, params (string Key, string Value)[] more)
    {
        var secrets = Directory.CreateDirectory(Path.Combine(settings["Service:DataDirectory"]!, "secrets"));
        File.WriteAllText(Path.Combine(secrets.FullName, "admin.key"), FakeAuthServer.AdminKey + "\n");
        var extra = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Enforcement:AuthServerUrl"] = authServer.Url,
            ["Enforcement:RetrySeconds"] = "1",
            ["Enforcement:MaxRetrySeconds"] = "1",
            ["Flags:MaintenanceIntervalMilliseconds"] = "100",
        };
        foreach (var (key, value) in more)
        {
            extra[key] = value;
        }

        return extra;
    }

    public static string NewClient(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<JsonObject> ReviewsAsync(HttpClient staff, string query = "")
    {
        using var response = await staff.GetAsync(new Uri("/api/reviews" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    public static async Task<List<JsonObject>> FlagsOfAsync(HttpClient staff, string clientId, string query = "") =>
        [.. (await ReviewsAsync(staff, query))["reviews"]!.AsArray().OfType<JsonObject>().Where(r => (string?)r["client_id"] == clientId)];

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, string clientId, string decision, object? body) =>
        client.PostAsync(new Uri($"/api/apps/{Uri.EscapeDataString(clientId)}/{decision}", UriKind.Relative),
            body is null ? null : JsonContent.Create(body), TestContext.Current.CancellationToken);

    public static HttpClient WithBearer(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
