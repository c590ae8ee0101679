using System.Net.Sockets;
using System.Text;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.Integration.Methods;

/// <summary>Request lines no HttpClient would send, written on a socket to the gateway on real Kestrel.</summary>
public sealed class RawRequestTargetTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/r4/Patient/pat-1/../pat-2")]
    [InlineData("/r4/Patient/%2e%2e/Patient/pat-2")]
    [InlineData("/r4/Patient/pat-1%2F..%2Fpat-2")]
    [InlineData("/r4/Patient/pat-1%252F..%252Fpat-2")]
    [InlineData("/r4/Patient/pat-1%5c..%5cpat-2")]
    [InlineData("/r4//Patient/pat-2")]
    [InlineData("http://evil.example/r4/Patient/pat-2")]
    public async Task Get_AmbiguousTarget_400Refused(string target)
    {
        var port = FreePort.Next();
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["Service:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        gateway.UseKestrel();
        gateway.StartServer();

        var status = await SendRawAsync(port, $"GET {target} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {fixture.Tokens.Create()}\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400", status, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Backend.Received, r => ((string?)r["target"])?.Contains("pat-2", StringComparison.Ordinal) == true);
    }

    private static async Task<string> SendRawAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, Ct);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Ct);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync(Ct) ?? string.Empty;
    }
}
