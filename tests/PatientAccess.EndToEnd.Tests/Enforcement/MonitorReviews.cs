using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// The monitor's review queue and staff decisions as security staff use them, with the staff key
/// (contract 4): <c>GET /api/reviews</c>, <c>POST /api/apps/{id}/reinstate</c> and <c>/revoke</c>.
/// </summary>
internal sealed class MonitorReviews(EnforcementServices stack)
{
    /// <summary>Time for an event to cross the stream, be stored, judged and acted on: generous for a busy 2-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every flag in the queue (all states).</summary>
    public async Task<IReadOnlyList<JsonObject>> AllAsync()
    {
        using var http = stack.MonitorClient();
        using var response = await http.GetAsync(new Uri("/api/reviews", UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/reviews answered {(int)response.StatusCode}: {text}");
        var body = JsonNode.Parse(text)!.AsObject();
        var reviews = body["reviews"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(reviews.Count, (int)body["count"]!);
        return reviews;
    }

    public async Task<IReadOnlyList<JsonObject>> ForAsync(string clientId) =>
        [.. (await AllAsync()).Where(r => (string?)r["client_id"] == clientId)];

    /// <summary>Waits for the app's flag by <paramref name="detector"/> whose action has been carried out (or failed); null if none came.</summary>
    public async Task<JsonObject?> WaitForFlagAsync(string clientId, string detector, Func<JsonObject, bool>? settled = null)
    {
        JsonObject? flag = null;
        await Eventually.TrueAsync(async () =>
        {
            flag = (await ForAsync(clientId)).FirstOrDefault(r => (string?)r["detector"] == detector && (settled?.Invoke(r) ?? true));
            return flag is not null;
        }, Patience, TimeSpan.FromMilliseconds(500));
        return flag;
    }

    /// <summary>A staff decision (<c>reinstate</c> or <c>revoke</c>) with a reason; the status code and the body.</summary>
    public async Task<(HttpStatusCode Status, JsonObject? Body)> DecideAsync(string clientId, string decision, string reason)
    {
        using var http = stack.MonitorClient();
        using var response = await http.PostAsJsonAsync(new Uri($"/api/apps/{Uri.EscapeDataString(clientId)}/{decision}", UriKind.Relative), new { reason }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
    }

    /// <summary>The flag's step <paramref name="name"/> as the authserver reported it, or null.</summary>
    public static JsonObject? Step(JsonObject flag, string name) =>
        flag["steps"]?.AsArray().Select(s => s!.AsObject()).FirstOrDefault(s => (string?)s["name"] == name);
}
