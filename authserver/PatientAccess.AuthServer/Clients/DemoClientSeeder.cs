using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Member.Mail;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// Seeds the two demo apps (<see cref="DemoApp.All"/>: a confidential and a public one) as
/// approved production apps and writes their credentials once to <c>demo-clients.json</c> in the
/// data folder. The file is the only place the secret exists in clear: when it is present the
/// apps are kept, secret and all; when it is missing both are (re)registered with a fresh secret,
/// so the file and the stored hash always agree. At every start the apps' presentation (name,
/// logo, website, gallery listing) is brought up to date and a demo app still in the sandbox (a
/// data folder from before they were approved) becomes a production app; a suspended or revoked
/// demo app stays as security staff left it. Then <see cref="DemoGuide"/> is written beside the
/// credentials with fresh PKCE values, for <c>./run.sh</c> to print.
/// </summary>
internal sealed partial class DemoClientSeeder(
    ClientRegistry registry,
    IDbContextFactory<AuthDbContext> contexts,
    IOptions<ClientOptions> options,
    IOptions<AuthServerOptions> server,
    IOptions<MailOptions> mail,
    IOptions<ServiceOptions> service,
    TimeProvider time,
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
        if (!File.Exists(path))
        {
            await SeedAsync(path, cancellationToken);
        }

        await PresentAsync(cancellationToken);
        await WriteGuideAsync(folder, path, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(string path, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var scopes = settings.DemoAllowedScopes.Count > 0 ? [.. settings.DemoAllowedScopes] : ClientOptions.DefaultDemoScopes;
        string[] redirects = [settings.DemoRedirectUri];
        var document = new JsonArray();
        foreach (var app in DemoApp.All)
        {
            var secret = await registry.RegisterAsync(
                new ClientRegistration(app.ClientId, app.Name, app.Type, ClientStatus.Production, redirects, scopes, app.LogoUri(server.Value.IssuerBase), app.Website),
                cancellationToken);
            var entry = new JsonObject { ["client_id"] = app.ClientId };
            if (secret is not null)
            {
                entry["client_secret"] = secret;
            }

            entry["redirect_uris"] = new JsonArray([.. redirects.Select(r => JsonValue.Create(r))]);
            document.Add(entry);
        }

        await WritePrivateAsync(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        LogSeeded(logger, path);
    }

    /// <summary>Names, logos, websites and listings as <see cref="DemoApp.All"/> has them; sandbox demo apps approved.</summary>
    private async Task PresentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var app in DemoApp.All)
        {
            var client = await db.Clients.FirstOrDefaultAsync(c => c.ClientId == app.ClientId, cancellationToken);
            if (client is null)
            {
                continue;
            }

            client.Name = app.Name;
            client.LogoUri = app.LogoUri(server.Value.IssuerBase);
            client.Website = app.Website;
            if (client.Status == ClientStatus.Sandbox)
            {
                client.Status = ClientStatus.Production;
                client.StatusChangedAt = now;
            }

            var listing = await db.ClientListings.FirstOrDefaultAsync(l => l.ClientId == app.ClientId, cancellationToken);
            if (listing is null)
            {
                listing = new ClientListingRecord { ClientId = app.ClientId };
                db.ClientListings.Add(listing);
            }

            listing.Description = app.Description;
            listing.PrivacyPolicyUri = app.PrivacyPolicyUri;
            listing.TermsOfServiceUri = app.TermsOfServiceUri;
            listing.SupportEmail = app.SupportEmail;
            listing.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task WriteGuideAsync(string folder, string credentialsPath, CancellationToken cancellationToken)
    {
        var credentials = JsonNode.Parse(await File.ReadAllTextAsync(credentialsPath, cancellationToken))!.AsArray();
        var confidential = credentials.FirstOrDefault(n => (string?)n?["client_id"] == ConfidentialClientId);
        if (confidential?["client_secret"] is not { } secret || confidential["redirect_uris"]?[0] is not { } redirect)
        {
            return;
        }

        var outbox = Path.GetFullPath(Path.Combine(folder, mail.Value.OutboxDirectory));
        var guide = DemoGuide.Render(new DemoGuideSettings(
            server.Value.IssuerBase, server.Value.FhirBaseUrl, (string)redirect!, (string)secret!, credentialsPath, outbox,
            Secrets.NewHandle(), Secrets.NewHandle(), Secrets.NewId()));
        await WritePrivateAsync(Path.Combine(folder, DemoGuide.FileName), guide, cancellationToken);
    }

    /// <summary>Written readable by this user only (it holds the secret), and moved into place whole.</summary>
    private static async Task WritePrivateAsync(string path, string content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, content, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo clients seeded; credentials written to {Path}")]
    private static partial void LogSeeded(ILogger logger, string path);
}
