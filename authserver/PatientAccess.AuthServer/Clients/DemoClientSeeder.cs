using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// Seeds a confidential and a public demo app and writes their credentials once to
/// <c>demo-clients.json</c> in the data folder. The file is the only place the secret ever
/// exists in clear: when it is present nothing happens; when it is missing both apps are
/// (re)registered with a fresh secret, so the file and the stored hash always agree.
/// </summary>
internal sealed partial class DemoClientSeeder(
    ClientRegistry registry,
    IOptions<ClientOptions> options,
    IOptions<ServiceOptions> service,
    ILogger<DemoClientSeeder> logger) : IHostedService
{
    public const string FileName = "demo-clients.json";
    public const string ConfidentialClientId = "demo-confidential-app";
    public const string PublicClientId = "demo-public-app";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoClients)
        {
            return;
        }

        var folder = Path.GetFullPath(service.Value.DataDirectory);
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path))
        {
            return;
        }

        var settings = options.Value;
        var scopes = settings.DemoAllowedScopes.Count > 0 ? [.. settings.DemoAllowedScopes] : ClientOptions.DefaultDemoScopes;
        string[] redirects = [settings.DemoRedirectUri];
        var secret = await registry.RegisterAsync(
            new ClientRegistration(ConfidentialClientId, "Demo Health App (confidential)", ClientType.Confidential, ClientStatus.Sandbox, redirects, scopes, Website: "http://127.0.0.1:8765/"),
            cancellationToken);
        await registry.RegisterAsync(
            new ClientRegistration(PublicClientId, "Demo Health App (public)", ClientType.Public, ClientStatus.Sandbox, redirects, scopes, Website: "http://127.0.0.1:8765/"),
            cancellationToken);

        var document = new JsonArray
        {
            new JsonObject { ["client_id"] = ConfidentialClientId, ["client_secret"] = secret, ["redirect_uris"] = new JsonArray([.. redirects.Select(r => JsonValue.Create(r))]) },
            new JsonObject { ["client_id"] = PublicClientId, ["redirect_uris"] = new JsonArray([.. redirects.Select(r => JsonValue.Create(r))]) },
        };
        Directory.CreateDirectory(folder);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
        LogSeeded(logger, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo clients seeded; credentials written to {Path}")]
    private static partial void LogSeeded(ILogger logger, string path);
}
