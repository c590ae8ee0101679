using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using PatientAccess.MemberContext;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.Support;

/// <summary>
/// One real Kestrel host on loopback playing both neighbours: the authserver (JWKS, revocation feed,
/// client registry) and the fhir-store (verifies the member context as the store does, then echoes
/// what it received). <c>/r4/Slow</c> answers after <see cref="SlowDelay"/>.
/// </summary>
internal sealed class FakeBackend : IAsyncDisposable
{
    /// <summary>The key the gateway reads the revocation feed and rate limits with (<c>Revocation:FeedKey</c>).</summary>
    public const string FeedKey = "test-revocation-feed-key";

    private readonly WebApplication _app;
    private readonly MemberContextCodec _codec = new([TestKeys.MemberContextBytes]);

    private FakeBackend(TestTokens tokens)
    {
        Port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.ListenLocalhost(Port));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/jwks.json", () =>
        {
            Interlocked.Increment(ref _jwksFetches);
            return Results.Text(tokens.Jwks(), "application/json");
        });
        _app.MapGet("/admin/revocations", (HttpContext context) =>
        {
            if (context.Request.Headers.Authorization != "Bearer " + FeedKey)
            {
                return Results.StatusCode(401);
            }

            var after = long.TryParse(context.Request.Query["after"], out var a) ? a : 0;
            var items = Revocations.Where(r => (long)r["sequence"]! > after).Select(r => r.DeepClone()).ToArray();
            var cursor = Revocations.Select(r => (long)r["sequence"]!).DefaultIfEmpty(after).Max();
            return Results.Text(new JsonObject { ["cursor"] = Math.Max(cursor, after), ["more"] = false, ["revocations"] = new JsonArray(items) }.ToJsonString(), "application/json");
        });
        _app.MapGet("/admin/clients/{id}/rate-limit", (string id, HttpContext context) => context.Request.Headers.Authorization != "Bearer " + FeedKey
            ? Results.StatusCode(401)
            : RegistryLimits.TryGetValue(id, out var limit)
            ? Results.Text(new JsonObject { ["client_id"] = id, ["rate_limit_burst"] = limit.Burst, ["rate_limit_per_second"] = limit.PerSecond }.ToJsonString(), "application/json")
            : Results.NotFound());
        _app.MapGet("/health/live", () => Results.Text("ok"));
        _app.MapGet("/r4/metadata", () => Results.Text("""{"resourceType":"CapabilityStatement","status":"active","fhirVersion":"4.0.1","rest":[{"mode":"server","resource":[]}]}""", "application/fhir+json"));
        _app.MapGet("/r4/Slow", async () =>
        {
            await Task.Delay(SlowDelay);
            return Results.Text("{}");
        });
        // A body whose length is declared up front, as the real store declares it.
        _app.MapGet("/r4/Binary/declared", (HttpContext context) =>
        {
            context.Response.ContentLength = DeclaredBody.Length;
            context.Response.ContentType = "application/fhir+json";
            return context.Response.Body.WriteAsync(DeclaredBody).AsTask();
        });
        _app.Map("/r4/{**path}", Echo);
    }

    private static readonly string[] TraceHeaders = ["traceparent", "tracestate", "baggage", "Request-Id"];

    private int _jwksFetches;

    /// <summary>What <c>/r4/Binary/declared</c> answers: 40,000 bytes with a Content-Length.</summary>
    public static byte[] DeclaredBody { get; } = System.Text.Encoding.UTF8.GetBytes("{\"resourceType\":\"Binary\",\"data\":\"" + new string('A', 40_000 - 36) + "\"}");

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    public ConcurrentBag<JsonObject> Revocations { get; } = [];

    public ConcurrentDictionary<string, (int Burst, double PerSecond)> RegistryLimits { get; } = new();

    /// <summary>What the store received, newest last.</summary>
    public ConcurrentQueue<JsonObject> Received { get; } = new();

    public static async Task<FakeBackend> StartAsync(TestTokens tokens)
    {
        var backend = new FakeBackend(tokens);
        await backend._app.StartAsync();
        return backend;
    }

    private IResult Echo(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var verified = _codec.Verify(context.Request.Headers[MemberContextCodec.HeaderName], context.Request.Method, raw, DateTimeOffset.UtcNow);
        var seen = new JsonObject
        {
            ["method"] = context.Request.Method,
            ["target"] = raw,
            ["authorization"] = context.Request.Headers.Authorization.Count > 0,
            ["context_valid"] = verified.IsValid,
            ["context_error"] = verified.Error,
            ["patients"] = verified.Context is { } c ? new JsonArray([.. c.PatientIds.Select(p => JsonValue.Create(p))]) : null,
            ["categories"] = verified.Context is { } d ? new JsonArray([.. d.SensitiveCategories.Select(p => JsonValue.Create(p))]) : null,
            ["forwarded_host"] = context.Request.Headers["X-Forwarded-Host"].ToString(),
            ["request_ids"] = new JsonArray([.. context.Request.Headers["X-Request-Id"].Select(v => JsonValue.Create(v))]),
            ["trace_headers"] = new JsonArray([.. TraceHeaders.Where(h => context.Request.Headers.ContainsKey(h)).Select(h => JsonValue.Create(h))]),
        };
        Received.Enqueue(seen);
        return verified.IsValid
            ? Results.Text(seen.ToJsonString(), "application/fhir+json")
            : Results.Text("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"forbidden"}]}""", "application/fhir+json", statusCode: 403);
    }

    public void Revoke(long sequence, string kind, string id, DateTimeOffset time) =>
        Revocations.Add(new JsonObject { ["sequence"] = sequence, ["kind"] = kind, ["id"] = id, ["time"] = time.ToUnixTimeSeconds(), ["expires_at"] = time.AddHours(2).ToUnixTimeSeconds() });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
