using System.Text;
using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Tests.Unit.Smart;

public class DemoClientsTests
{
    // As authserver Clients/DemoClientSeeder.cs writes it.
    private const string Seeded = """
        [
          { "client_id": "demo-confidential-app", "client_secret": "7qQ3+Kk/f:x", "redirect_uris": [ "http://127.0.0.1:8765/callback" ] },
          { "client_id": "demo-public-app", "redirect_uris": [ "http://127.0.0.1:8765/callback" ] }
        ]
        """;

    [Fact]
    public void Parse_Confidential_SecretAndRedirect()
    {
        var client = DemoClients.Parse(Seeded, ClientKind.Confidential, "demo-clients.json");

        Assert.Equal(new DemoClient("demo-confidential-app", "7qQ3+Kk/f:x", new Uri("http://127.0.0.1:8765/callback")), client);
        Assert.Equal(ClientKind.Confidential, client.Kind);
    }

    [Fact]
    public void Parse_Public_NoSecret()
    {
        var client = DemoClients.Parse(Seeded, ClientKind.Public, "demo-clients.json");

        Assert.Equal("demo-public-app", client.ClientId);
        Assert.Null(client.ClientSecret);
    }

    [Theory]
    [InlineData("{}", "f.json: expected a JSON array of clients")]
    [InlineData("[", "f.json: not valid JSON")]
    [InlineData("""[{"client_id":"demo-public-app","redirect_uris":[]}]""", "f.json: no client 'demo-confidential-app'")]
    [InlineData("""[{"client_id":"demo-confidential-app","redirect_uris":["http://x/cb"]}]""", "f.json: 'demo-confidential-app' has no client_secret")]
    [InlineData("""[{"client_id":"demo-confidential-app","client_secret":"s","redirect_uris":["/cb"]}]""", "f.json: 'demo-confidential-app' has no absolute http(s) redirect_uris entry")]
    public void Parse_Broken_ErrorNamesFileAndProblem(string json, string expected)
    {
        var ex = Assert.Throws<SmartLaunchException>(() => DemoClients.Parse(json, ClientKind.Confidential, "f.json"));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadById_AnotherAppsFile_ThatAppKindFromItsSecret()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                [
                  { "client_id": "portal-app-1", "client_secret": "s3cret", "redirect_uris": [ "https://app.example/callback" ] },
                  { "client_id": "portal-app-2", "redirect_uris": [ "https://two.example/cb" ] }
                ]
                """);

            var confidential = DemoClients.LoadById(path, "portal-app-1");
            var browser = DemoClients.LoadById(path, "portal-app-2");
            var missing = Assert.Throws<SmartLaunchException>(() => DemoClients.LoadById(path, "portal-app-3"));

            Assert.Equal(new DemoClient("portal-app-1", "s3cret", new Uri("https://app.example/callback")), confidential);
            Assert.Equal(ClientKind.Public, browser.Kind);
            Assert.Contains("no client 'portal-app-3'", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Authenticate_Confidential_ClientSecretBasicWithFormEncodedParts()
    {
        var client = DemoClients.Parse(Seeded, ClientKind.Confidential, "demo-clients.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:5001/oauth2/token");
        var form = new List<KeyValuePair<string, string>>();

        client.Authenticate(request, form);

        Assert.Empty(form);
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        Assert.Equal("demo-confidential-app:7qQ3%2BKk%2Ff%3Ax", Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!)));
    }

    [Fact]
    public void Authenticate_Public_ClientIdInTheForm()
    {
        var client = DemoClients.Parse(Seeded, ClientKind.Public, "demo-clients.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:5001/oauth2/token");
        var form = new List<KeyValuePair<string, string>>();

        client.Authenticate(request, form);

        Assert.Null(request.Headers.Authorization);
        Assert.Equal([new("client_id", "demo-public-app")], form);
    }
}
