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
