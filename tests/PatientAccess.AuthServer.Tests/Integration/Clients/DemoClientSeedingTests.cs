using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Clients;

namespace PatientAccess.AuthServer.Tests.Integration.Clients;

[Collection(AuthTestGroup.Name)]
public sealed class DemoClientSeedingTests(AuthBackends backends)
{
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
}
