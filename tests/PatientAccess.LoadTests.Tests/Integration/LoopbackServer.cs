using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PatientAccess.LoadTests.Tests.Integration;

/// <summary>
/// A tiny Kestrel server on a free loopback port to load against: /ok answers 200, /fail 503,
/// /slow?ms=N waits N ms (default 2000) before answering 200, giving up if the client does, and
/// POST /oauth2/token rotates any refresh token after 20 ms, as a token endpoint does; /fhir/valid
/// answers a valid FHIR Patient, /fhir/invalid a 200 whose Patient has an element R4 does not know.
/// </summary>
public sealed class LoopbackServer : IAsyncLifetime
{
    public const string OkBody = "all good";
    public const string ValidPatient = """{"resourceType":"Patient","id":"p1","birthDate":"1950-10-19"}""";
    public const string InvalidPatient = """{"resourceType":"Patient","id":"p1","birthDate":"1950-10-19","favouriteColour":"blue"}""";

    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        // Port 0: the OS picks a free port, so parallel test runs never collide.
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapGet("/ok", () => Results.Text(OkBody));
        _app.MapGet("/fhir/valid", () => Results.Text(ValidPatient, "application/fhir+json"));
        _app.MapGet("/fhir/invalid", () => Results.Text(InvalidPatient, "application/fhir+json"));
        _app.MapGet("/fail", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        _app.MapGet("/slow", async (int? ms, CancellationToken aborted) =>
        {
            try
            {
                await Task.Delay(ms ?? 2000, aborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }

            return Results.Text(OkBody);
        });
        _app.MapPost("/oauth2/token", async (HttpRequest request, CancellationToken aborted) =>
        {
            var form = await request.ReadFormAsync(aborted);
            await Task.Delay(20, aborted);
            return form["grant_type"] == "refresh_token" && !string.IsNullOrEmpty(form["refresh_token"])
                ? Results.Json(new Dictionary<string, string> { ["access_token"] = "at", ["refresh_token"] = "rt-" + Guid.NewGuid().ToString("N") })
                : Results.Json(new Dictionary<string, string> { ["error"] = "invalid_request" }, statusCode: StatusCodes.Status400BadRequest);
        });
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
