using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PatientAccess.Testing;

namespace PatientAccess.Monitor.Tests.Support;

/// <summary>
/// A small real HTTP listener that follows contract 1 (the authserver's enforcement endpoint) the
/// way the authserver does: admin key, body checks (400), unknown client (404), state conflicts (409),
/// the same action_id answered from its record with <c>replayed: true</c>. It records every call, and
/// can be told to answer 503 for a while (an authserver that is down).
/// </summary>
internal sealed class FakeAuthServer : IAsyncDisposable
{
    public const string AdminKey = "fake-admin-key-for-monitor-tests";

    private static readonly string[] CascadeSteps = ["credentials", "tokens", "member_emails", "contact_emails", "gallery"];
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _status = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _done = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private int _failing;

    private FakeAuthServer()
    {
        Port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.ListenLocalhost(Port));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/admin/clients/{clientId}/enforcement", HandleAsync);
    }

    public int Port { get; }

    public string Url => $"http://localhost:{Port}";

    public ConcurrentQueue<JsonObject> Calls { get; } = new();

    public static async Task<FakeAuthServer> StartAsync()
    {
        var server = new FakeAuthServer();
        await server._app.StartAsync();
        return server;
    }

    /// <summary>Registers an app (production, as an approved app at the authserver).</summary>
    public void Register(string clientId) => _status[clientId] = "production";

    public string? StatusOf(string clientId) => _status.GetValueOrDefault(clientId);

    /// <summary>The next <paramref name="calls"/> calls answer 503.</summary>
    public void FailNext(int calls) => Interlocked.Exchange(ref _failing, calls);

    public List<JsonObject> CallsFor(string clientId) => [.. Calls.Where(c => (string?)c["client_id"] == clientId)];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string clientId)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + AdminKey)
        {
            await Error(context, 401, "invalid_client", "admin key required");
            return;
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?["action_id"]?.GetValue<string>() is not { Length: > 0 } actionId || body["action"]?.GetValue<string>() is not ("suspend" or "revoke" or "reinstate") ||
            body["reason"]?.GetValue<string>() is not { Length: > 0 and <= 500 } || body["actor"]?.GetValue<string>() is not { } actor
            || !(actor == "monitor" || actor.StartsWith("staff:", StringComparison.Ordinal)) || (body["evidence"]?.GetValue<string>()?.Length ?? 0) > 4000)
        {
            await Error(context, 400, "invalid_request", "bad body");
            return;
        }

        body["client_id"] = clientId;
        // When the call arrived (Stopwatch ticks of this process), for latency measurements.
        body["received_ticks"] = System.Diagnostics.Stopwatch.GetTimestamp();
        Calls.Enqueue((JsonObject)body.DeepClone());
        if (Interlocked.Decrement(ref _failing) >= 0)
        {
            await Error(context, 503, "temporarily_unavailable", "down for the test");
            return;
        }

        Interlocked.Exchange(ref _failing, 0);
        await Respond(context, clientId, actionId, (string)body["action"]!);
    }

    private async Task Respond(HttpContext context, string clientId, string actionId, string action)
    {
        JsonObject answer;
        lock (_lock)
        {
            if (_done.TryGetValue(actionId, out var recorded))
            {
                answer = (JsonObject)recorded.DeepClone();
                answer["replayed"] = true;
            }
            else if (!_status.TryGetValue(clientId, out var status))
            {
                answer = new JsonObject { ["error"] = "invalid_request", ["error_description"] = "no such client", ["code"] = 404 };
            }
            else if ((action == "suspend" && status != "production") || (action == "revoke" && status == "revoked") || (action == "reinstate" && status != "suspended"))
            {
                answer = new JsonObject { ["error"] = "invalid_request", ["error_description"] = $"the client is {status}", ["code"] = 409 };
            }
            else
            {
                var after = action switch { "suspend" => "suspended", "revoke" => "revoked", _ => "production" };
                _status[clientId] = after;
                var at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
                var steps = new JsonArray();
                foreach (var name in action == "reinstate" ? ["credentials", "gallery"] : CascadeSteps)
                {
                    steps.Add(new JsonObject { ["name"] = name, ["state"] = "done", ["at"] = at, ["count"] = name is "tokens" or "member_emails" ? 2 : null });
                }

                answer = new JsonObject { ["action_id"] = actionId, ["client_id"] = clientId, ["status"] = after, ["replayed"] = false, ["steps"] = steps };
                _done[actionId] = (JsonObject)answer.DeepClone();
            }
        }

        var code = answer["code"]?.GetValue<int>() ?? 200;
        answer.Remove("code");
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private static async Task Error(HttpContext context, int status, string error, string description)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString());
    }
}
