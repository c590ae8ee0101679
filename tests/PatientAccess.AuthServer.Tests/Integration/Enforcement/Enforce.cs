using System.Text;
using System.Text.Json.Nodes;

namespace PatientAccess.AuthServer.Tests.Integration.Enforcement;

/// <summary>Calls <c>POST /admin/clients/{id}/enforcement</c> as the monitor would.</summary>
internal static class Enforce
{
    public static JsonObject Body(string action, string? actionId = null, string actor = "monitor", string reason = "too many write attempts", string? detector = "write-attempts", string evidence = "42 write attempts in 60 s") => new()
    {
        ["action_id"] = actionId ?? Guid.NewGuid().ToString(),
        ["action"] = action,
        ["actor"] = actor,
        ["reason"] = reason,
        ["detector"] = detector,
        ["evidence"] = evidence,
    };

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string clientId, JsonNode body) =>
        await client.PostAsync(
            new Uri($"/admin/clients/{Uri.EscapeDataString(clientId)}/enforcement", UriKind.Relative),
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

    /// <summary>Sends and asserts a 200; returns the answer.</summary>
    public static async Task<JsonObject> OkAsync(AuthServerHost host, string clientId, JsonNode body)
    {
        using var response = await SendAsync(host.Admin(), clientId, body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static JsonObject Step(JsonObject answer, string name) => answer["steps"]!.AsArray().Single(s => (string)s!["name"]! == name)!.AsObject();

    public static string State(JsonObject answer, string name) => (string)Step(answer, name)["state"]!;

    public static int? Count(JsonObject answer, string name) => (int?)Step(answer, name)["count"];
}
