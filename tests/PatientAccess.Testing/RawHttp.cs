using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace PatientAccess.Testing;

/// <summary>
/// One HTTP/1.1 GET written byte for byte to a loopback port, so a test controls the exact
/// request-target (<c>//metrics</c>, <c>/%6detrics</c>, <c>/r4/../metrics</c>), which HttpClient
/// and Uri would normalise before sending.
/// </summary>
public static class RawHttp
{
    public sealed record Answer(int Status, string Head, string Body);

    public static async Task<Answer> GetAsync(int port, string target, string? host = null, string? extraHeaders = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {host ?? "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture)}\r\n{extraHeaders}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var text = await reader.ReadToEndAsync(timeout.Token);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split >= 0 ? text[..split] : text;
        var body = split >= 0 ? text[(split + 4)..] : string.Empty;
        var parts = head.Split(' ', 3);
        var status = parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        return new Answer(status, head, body);
    }
}
