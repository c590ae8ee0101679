using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;
using Task = System.Threading.Tasks.Task;

namespace PatientAccess.Monitor.Tests.CrossProcess;

/// <summary>
/// Issue 15 across real processes: requests through the gateway (reads, write attempts with a valid
/// token and with a forged one) and the authserver's own refusals end up as AuditEvents staff can
/// search at the monitor, attributed right; a monitor SIGKILLed mid-stream and Redis restarted lose
/// no event and store none twice.
/// </summary>
public sealed class AuditTrailCrossProcessTests(AuditServices stack) : IClassFixture<AuditServices>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (method == HttpMethod.Post || method == HttpMethod.Put)
        {
            request.Content = new StringContent("{\"resourceType\":\"Patient\"}", Encoding.UTF8, "application/fhir+json");
        }

        return request;
    }

    private async Task<string> SendAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        using (request)
        {
            using var response = await stack.Gateway.SendAsync(request, Ct);
            Assert.Equal(expected, response.StatusCode);
            return response.Headers.GetValues("X-Request-Id").Single();
        }
    }

    /// <summary>Every AuditEvent matching <paramref name="query"/>, following next links.</summary>
    private async Task<List<AuditEvent>> SearchAllAsync(string query)
    {
        using var client = stack.MonitorClient();
        var found = new List<AuditEvent>();
        var next = new Uri("/r4/AuditEvent" + query, UriKind.Relative);
        while (true)
        {
            using var response = await client.GetAsync(next, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bundle = await StrictFhir.ReadAsync<Bundle>(response, Ct);
            found.AddRange(bundle.Entry.Select(e => (AuditEvent)e.Resource!));
            if (bundle.NextLink is not { } link)
            {
                return found;
            }

            next = new Uri(link.PathAndQuery, UriKind.Relative);
        }
    }

    private static string? Detail(AuditEvent audit, string name) =>
        audit.Entity.SelectMany(e => e.Detail).FirstOrDefault(d => d.Type == name)?.Value is FhirString s ? s.Value : null;

    private static string? ClientOf(AuditEvent audit) => audit.Agent.Single(a => a.Requestor == true).Who?.Identifier?.Value;

    [Fact]
    public async Task Requests_ThroughTheGateway_SearchableWithTheRightAgentAndOutcome()
    {
        var reader = "reader-" + Guid.NewGuid().ToString("N")[..6];
        var writer = "writer-" + Guid.NewGuid().ToString("N")[..6];
        var victim = "victim-" + Guid.NewGuid().ToString("N")[..6];
        var read = await SendAsync(Request(HttpMethod.Get, "/r4/Coverage?patient=pat-1", stack.Tokens.Create(reader, "pat-1")), HttpStatusCode.OK);
        var delete = await SendAsync(Request(HttpMethod.Delete, "/r4/Patient/pat-2", stack.Tokens.Create(writer, "pat-2")), HttpStatusCode.MethodNotAllowed);
        var overridden = Request(HttpMethod.Post, "/r4/Patient/_search", stack.Tokens.Create(writer, "pat-2"));
        overridden.Content = new FormUrlEncodedContent([new("_id", "pat-2")]);
        overridden.Headers.TryAddWithoutValidation("X-HTTP-Method-Override", "DELETE");
        var hidden = await SendAsync(overridden, HttpStatusCode.MethodNotAllowed);
        var forged = await SendAsync(Request(HttpMethod.Put, "/r4/Patient/pat-3", stack.Tokens.Forged(victim, "pat-3")), HttpStatusCode.MethodNotAllowed);

        // The authserver's own refusal: a wrong client secret for each of its demo apps.
        var demo = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(stack.AuthData, "demo-clients.json"), Ct))!.AsArray()
            .Select(c => (string)c!["client_id"]!).ToList();
        using (var auth = new HttpClient { BaseAddress = stack.AuthServer.BaseAddress })
        {
            foreach (var client in demo)
            {
                using var token = new HttpRequestMessage(HttpMethod.Post, "/oauth2/token")
                {
                    Content = new FormUrlEncodedContent([new("grant_type", "authorization_code"), new("code", "x"), new("redirect_uri", "http://localhost/cb")]),
                };
                token.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(client + ":wrong-secret")));
                using var refused = await auth.SendAsync(token, Ct);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }
        }

        List<AuditEvent> writes = [];
        Assert.True(await Eventually.TrueAsync(async () => (writes = await SearchAllAsync($"?agent={writer}")).Count == 2, Patience), stack.Output);
        Assert.All(writes, w => Assert.Equal(AuditEvent.AuditEventOutcome.N4, w.Outcome));
        Assert.Equal(["delete", "search-type"], writes.Select(w => w.Subtype[0].Code).Order());
        Assert.Equal(new[] { delete, hidden }.Order(), writes.Select(w => Detail(w, "request-id")!).Order());
        Assert.All(writes, w => Assert.Equal("refused: method (HTTP 405)", w.OutcomeDesc));
        Assert.All(writes, w => Assert.Equal("gateway-under-test", w.Source!.Observer!.Display));

        var reads = await SearchAllAsync($"?agent={reader}&outcome=0&subtype=search-type&patient=Patient/pat-1");
        Assert.Equal(read, Detail(Assert.Single(reads), "request-id"));

        // The forged token framed nobody: its write attempt names the address only.
        Assert.Empty(await SearchAllAsync($"?agent={victim}"));
        // Sent after the writer's: it may be stored a round later.
        List<AuditEvent> updates = [];
        Assert.True(await Eventually.TrueAsync(async () =>
            (updates = await SearchAllAsync("?subtype=update&outcome=4&address:exact=127.0.0.1")).Any(u => Detail(u, "request-id") == forged), Patience));
        var framed = Assert.Single(updates, u => Detail(u, "request-id") == forged);
        Assert.Null(ClientOf(framed));

        List<AuditEvent> failures = [];
        Assert.True(await Eventually.TrueAsync(async () => (failures = await SearchAllAsync("?subtype=client.authentication_failed")).Count > 0, Patience));
        Assert.All(failures, f => Assert.Contains(ClientOf(f)!, demo));
    }

    [Fact]
    public async Task MonitorKilledAndRedisRestartedMidStream_EveryEventStoredExactlyOnceAndNoFalseAction()
    {
        var app = "load-" + Guid.NewGuid().ToString("N")[..6];
        var token = stack.Tokens.Create(app, "pat-9");
        var sent = new List<string>();
        async Task BurstAsync(int count)
        {
            for (var i = 0; i < count; i += 10)
            {
                var batch = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync(Request(HttpMethod.Get, "/r4/Coverage", token), HttpStatusCode.OK)));
                sent.AddRange(batch);
            }
        }

        // A second app one write attempt short of the detector's default threshold (5 in 300 s), its
        // attempts spread over the outage: were a replayed or re-claimed event counted twice, it would
        // cross and be flagged for an action it never earned.
        var careful = "careful-" + Guid.NewGuid().ToString("N")[..6];
        var carefulToken = stack.Tokens.Create(careful, "pat-8");
        var writes = new List<string>();
        async Task WriteAsync() => writes.Add(await SendAsync(Request(HttpMethod.Put, "/r4/Patient/pat-8", carefulToken), HttpStatusCode.MethodNotAllowed));

        await WriteAsync();
        await BurstAsync(100);
        await WriteAsync();
        stack.Monitor.Kill();
        await BurstAsync(100);
        await stack.Redis.StopAsync();
        // While Redis is down the gateway answers and spools its events to disk.
        await WriteAsync();
        await BurstAsync(50);
        await stack.Redis.RestartAsync();
        await BurstAsync(50);
        await stack.StartMonitorAsync();
        await WriteAsync();
        await BurstAsync(100);

        List<string> stored = [];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            stored = [.. (await SearchAllAsync($"?agent={app}&_count=1000")).Select(e => Detail(e, "request-id")!)];
            return stored.Count >= sent.Count;
        }, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(1)), $"{stored.Count} of {sent.Count} stored\n{stack.Output}");
        Assert.Equal(sent.Count, stored.Count);
        Assert.Equal(sent.Order(), stored.Order());
        Assert.True(await Eventually.TrueAsync(async () => (await SearchAllAsync($"?agent={careful}")).Count == writes.Count, Patience), stack.Output);
        using var staff = stack.MonitorClient();
        Assert.Empty(await DetectionSetup.FlagsOfAsync(staff, careful));
        Assert.Empty(await DetectionSetup.FlagsOfAsync(staff, app));
    }
}
