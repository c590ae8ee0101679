using System.Text.Json.Nodes;

namespace PatientAccess.AuthServer.Tests.Integration.Mail;

/// <summary>
/// One message as the relay received it: the raw bytes System.Net.Mail sent, its headers and
/// decoded subject and body, and the SMTP envelope with the user who authenticated.
/// </summary>
internal sealed class RelayMessage
{
    private readonly Dictionary<string, string> _headers;

    private RelayMessage(string name, string raw, Dictionary<string, string> headers, string body, JsonObject envelope)
    {
        Name = name;
        Raw = raw;
        _headers = headers;
        Body = body;
        AuthenticatedUser = (string?)envelope["user"];
        EnvelopeFrom = (string?)envelope["mailFrom"];
        EnvelopeTo = [.. envelope["rcptTo"]!.AsArray().Select(r => (string)r!)];
    }

    public string Name { get; }

    public string Raw { get; }

    public string Body { get; }

    public string Subject => MimeText.DecodeWords(Header("Subject") ?? string.Empty);

    public string? AuthenticatedUser { get; }

    public string? EnvelopeFrom { get; }

    public IReadOnlyList<string> EnvelopeTo { get; }

    public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    public static RelayMessage Read(string emlPath)
    {
        var raw = File.ReadAllText(emlPath);
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, "no blank line after the headers:\n" + raw);
        var headers = MimeText.Headers(raw[..split]);
        var body = MimeText.DecodeBody(
            raw[(split + 4)..],
            headers.GetValueOrDefault("Content-Transfer-Encoding") ?? "7bit",
            headers.GetValueOrDefault("Content-Type") ?? "text/plain; charset=us-ascii");
        var envelope = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(emlPath, ".json")))!.AsObject();
        return new RelayMessage(Path.GetFileNameWithoutExtension(emlPath), raw, headers, body, envelope);
    }
}
