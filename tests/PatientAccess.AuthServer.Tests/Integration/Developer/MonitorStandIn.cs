using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Developer;

/// <summary>
/// A real HTTP listener standing in for the monitor's <c>GET /api/apps/{id}/reads</c> (contract 3):
/// it answers only the evidence key, and can be told to fail or to hang.
/// </summary>
internal sealed class MonitorStandIn : IAsyncDisposable
{
    public const string Key = "test-evidence-key-3f9a";
    private readonly WebApplication _app;

    private MonitorStandIn(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    /// <summary>ok, error (500) or hang (answers after a minute).</summary>
    public string Mode { get; set; } = "ok";

    public List<string> Asked { get; } = [];

    public static async Task<MonitorStandIn> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        MonitorStandIn? self = null;
        app.MapGet("/api/apps/{clientId}/reads", async (string clientId, HttpContext context) =>
        {
            self!.Asked.Add(clientId);
            if (context.Request.Headers.Authorization != "Bearer " + Key)
            {
                return Results.Json(new { title = "evidence key required" }, statusCode: 401);
            }

            if (self.Mode == "hang")
            {
                await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted);
            }

            return self.Mode == "error"
                ? Results.StatusCode(500)
                : Results.Json(new { client_id = clientId, reads = new Dictionary<string, long> { ["Patient"] = 3, ["ExplanationOfBenefit"] = 1200, ["Coverage"] = 2 }, total = 1205 });
        });
        self = new MonitorStandIn(app, new Uri($"http://127.0.0.1:{port}"));
        await app.StartAsync();
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
