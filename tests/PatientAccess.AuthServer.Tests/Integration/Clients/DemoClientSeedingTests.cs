using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Tests.Integration.Clients;

[Collection(AuthTestGroup.Name)]
public sealed class DemoClientSeedingTests(AuthBackends backends)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47];

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Start_NoDemoFile_SeedsBothClientsStoresOnlyHash(string backend)
    {
        var host = backends[backend];
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(host.DataDirectory, DemoClientSeeder.FileName), TestContext.Current.CancellationToken))!.AsArray();
        Assert.Equal(2, file.Count);
        var confidential = file.Single(n => (string)n!["client_id"]! == DemoClientSeeder.ConfidentialClientId)!;
        var publicClient = file.Single(n => (string)n!["client_id"]! == DemoClientSeeder.PublicClientId)!;
        Assert.Null(publicClient["client_secret"]);
        Assert.StartsWith("http://127.0.0.1:", (string)publicClient["redirect_uris"]![0]!, StringComparison.Ordinal);

        var stored = await host.Service<ClientRegistry>().FindAsync(DemoClientSeeder.ConfidentialClientId, TestContext.Current.CancellationToken);
        Assert.Equal(ClientType.Confidential, stored!.Type);
        Assert.NotEqual((string)confidential["client_secret"]!, stored.SecretHash);
        Assert.True(ClientSecrets.Verify((string)confidential["client_secret"]!, stored.SecretHash));
    }

    [Fact]
    public async Task Restart_DemoFilePresent_SecretUnchanged()
    {
        var data = Directory.CreateTempSubdirectory("pa-auth-seed-").FullName;
        var first = await backends.FreshAsync(AuthBackends.Sqlite, dataDirectory: data);
        var secret = first.Demo().ConfidentialSecret;
        await first.DisposeAsync();
        await using var second = await backends.FreshAsync(AuthBackends.Sqlite, dataDirectory: data);
        Assert.Equal(secret, second.Demo().ConfidentialSecret);
        await new SmartApp(second).LaunchAsync();
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Start_DemoClients_ApprovedNamedWithLogoAndListed(string backend)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await backends.FreshAsync(backend);
        await using var db = await host.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(ct);
        var clients = await db.Clients.AsNoTracking().Where(c => c.ClientId.StartsWith("demo-")).OrderBy(c => c.ClientId).ToListAsync(ct);
        Assert.Equal(2, clients.Count);
        Assert.Equal("Sunrise Health Notes", clients.Single(c => c.ClientId == DemoClientSeeder.ConfidentialClientId).Name);
        Assert.Equal("Pocket Claims", clients.Single(c => c.ClientId == DemoClientSeeder.PublicClientId).Name);
        Assert.All(clients, c => Assert.Equal(ClientStatus.Production, c.Status));
        Assert.All(clients, c => Assert.DoesNotContain("(", c.Name, StringComparison.Ordinal));
        var listings = await db.ClientListings.AsNoTracking().Where(l => l.ClientId.StartsWith("demo-")).ToListAsync(ct);
        Assert.Equal(2, listings.Count);
        Assert.All(listings, l =>
        {
            Assert.False(string.IsNullOrWhiteSpace(l.Description));
            Assert.StartsWith("https://", l.PrivacyPolicyUri, StringComparison.Ordinal);
            Assert.StartsWith("https://", l.TermsOfServiceUri, StringComparison.Ordinal);
            Assert.Contains('@', l.SupportEmail!);
        });

        // Each logo is a PNG the server itself serves.
        using var http = host.Browser();
        foreach (var client in clients)
        {
            Assert.StartsWith("http://localhost:5001/member/assets/", client.LogoUri, StringComparison.Ordinal);
            using var logo = await http.GetAsync(new Uri(new Uri(client.LogoUri!).AbsolutePath, UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
            Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
            var bytes = await logo.Content.ReadAsByteArrayAsync(ct);
            Assert.Equal(PngSignature, bytes[..4]);
        }
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Restart_DataFolderWithSandboxDemoClients_ApprovedAndListedSecretKept(string backend)
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await backends.FreshAsync(backend);
        var secret = first.Demo().ConfidentialSecret;
        await using (var db = await first.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(ct))
        {
            // What the seeding of earlier releases left behind.
            await db.ClientListings.ExecuteDeleteAsync(ct);
            await db.Clients.Where(c => c.ClientId == DemoClientSeeder.ConfidentialClientId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ClientStatus.Sandbox).SetProperty(c => c.Name, "Demo Health App (confidential)").SetProperty(c => c.LogoUri, (string?)null), ct);
            await db.Clients.Where(c => c.ClientId == DemoClientSeeder.PublicClientId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ClientStatus.Suspended).SetProperty(c => c.SuspendedFrom, ClientStatus.Sandbox), ct);
        }

        var connection = first.Backend == AuthBackends.PostgreSql ? first.ConnectionString : null;
        await first.DisposeAsync();
        await using var second = await backends.FreshAsync(backend, dataDirectory: first.DataDirectory, connectionString: connection);

        var registry = second.Service<ClientRegistry>();
        var confidential = await registry.FindAsync(DemoClientSeeder.ConfidentialClientId, ct);
        Assert.Equal((ClientStatus.Production, "Sunrise Health Notes"), (confidential!.Status, confidential.Name));
        Assert.NotNull(confidential.LogoUri);
        Assert.True(ClientSecrets.Verify(secret, confidential.SecretHash));
        Assert.Equal(secret, second.Demo().ConfidentialSecret);

        // A demo app security staff suspended stays suspended.
        Assert.Equal(ClientStatus.Suspended, (await registry.FindAsync(DemoClientSeeder.PublicClientId, ct))!.Status);
        await using var after = await second.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(ct);
        Assert.Equal(2, await after.ClientListings.CountAsync(ct));
        await new SmartApp(second).LaunchAsync();
    }

    [Fact]
    public async Task Start_DemoGuide_WrittenPrivatelyWithTheSecretAndFreshVerifiers()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("pa-auth-guide-").FullName;
        var first = await backends.FreshAsync(AuthBackends.Sqlite, dataDirectory: data);
        var path = Path.Combine(data, DemoGuide.FileName);
        var guide = await File.ReadAllTextAsync(path, ct);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(path));
        Assert.Contains(first.Demo().ConfidentialSecret, guide, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5001/oauth2/authorize?response_type=code&client_id=demo-confidential-app", guide, StringComparison.Ordinal);
        await first.DisposeAsync();

        await using var second = await backends.FreshAsync(AuthBackends.Sqlite, dataDirectory: data);
        _ = second.Demo();
        Assert.NotEqual(guide, await File.ReadAllTextAsync(path, ct));
    }
}
