using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PatientAccess.Monitor.Reviews;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.Monitor.Actions;

/// <summary>
/// Calls the authserver's <c>POST /admin/clients/{id}/enforcement</c> with the admin key. Never
/// throws for the authserver's failures: they come back as an <see cref="EnforcementResult"/> with
/// status 0 and the reason, for the flag to record and the retry loop to try again.
/// </summary>
internal sealed partial class EnforcementClient(
    IHttpClientFactory http, IOptions<EnforcementOptions> options, IOptions<ServiceOptions> service, ILogger<EnforcementClient> logger) : IEnforcementClient
{
    public const string HttpClientName = "enforcement";
    private const int MaxReason = 500;
    private const int MaxEvidence = 4000;
    private readonly EnforcementOptions _options = options.Value;

    public async Task<EnforcementResult> EnforceAsync(
        string clientId, string actionId, string action, string actor, string reason, string? detector, string evidence, CancellationToken cancellationToken)
    {
        if (ReadKey() is not { } key)
        {
            return new EnforcementResult(0, null, [], $"no admin key in {KeyPath()}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(_options.AuthServerUrl), $"/admin/clients/{Uri.EscapeDataString(clientId)}/enforcement"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Content = JsonContent.Create(new JsonObject
        {
            ["action_id"] = actionId,
            ["action"] = action,
            ["actor"] = actor,
            ["reason"] = Cut(reason, MaxReason),
            ["detector"] = detector,
            ["evidence"] = Cut(evidence, MaxEvidence),
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.TimeoutMilliseconds);
        try
        {
            // A client per call from the factory: handlers are pooled and rotated (DNS changes are seen).
            using var client = http.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var result = Parse((int)response.StatusCode, body);
            LogCalled(logger, action, clientId, actionId, result.StatusCode, result.ClientStatus, result.Error);
            return result;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, action, clientId, actionId, ex.GetType().Name);
            return new EnforcementResult(0, null, [], "the authserver did not answer: " + ex.GetType().Name);
        }
    }

    /// <summary>The 200 body (contract 1), or the RFC 6749 error's description; anything unreadable is status 0.</summary>
    internal static EnforcementResult Parse(int status, string body)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        if (status != 200)
        {
            var error = Text(json?["error_description"]) ?? Text(json?["error"]) ?? $"HTTP {status}";
            return new EnforcementResult(status >= 500 ? 0 : status, null, [], error);
        }

        if (Text(json?["status"]) is not { } clientStatus || json!["steps"] is not JsonArray steps)
        {
            return new EnforcementResult(0, null, [], "the authserver's answer had no status or steps");
        }

        var list = new List<ReviewStep>();
        foreach (var step in steps.OfType<JsonObject>())
        {
            var at = DateTimeOffset.TryParse(Text(step["at"]), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : DateTimeOffset.MinValue;
            var count = step["count"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : (int?)null;
            list.Add(new ReviewStep(Text(step["name"]) ?? "?", Text(step["state"]) ?? "?", at, count));
        }

        return new EnforcementResult(200, clientStatus, list, null);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private string KeyPath() =>
        Path.IsPathRooted(_options.AdminKeyFile) ? _options.AdminKeyFile : Path.Combine(Path.GetFullPath(service.Value.DataDirectory), _options.AdminKeyFile);

    private string? ReadKey()
    {
        try
        {
            var key = File.ReadAllText(KeyPath()).Trim();
            return key.Length > 0 ? key : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Enforcement {Action} of {ClientId} (action {ActionId}): HTTP {Status}, client status {ClientStatus} {Error}")]
    private static partial void LogCalled(ILogger logger, string action, string clientId, string actionId, int status, string? clientStatus, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enforcement {Action} of {ClientId} (action {ActionId}) failed: the authserver did not answer ({Kind}); retried")]
    private static partial void LogUnreachable(ILogger logger, string action, string clientId, string actionId, string kind);
}
