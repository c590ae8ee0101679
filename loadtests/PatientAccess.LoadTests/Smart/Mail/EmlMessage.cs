using System.Net.Mail;
using System.Text;

namespace PatientAccess.LoadTests.Smart.Mail;

/// <summary>
/// The parts of an RFC 5322 message the sign-in needs: recipients and the decoded text body
/// (7bit/8bit, quoted-printable or base64, in its charset). Single-part text mail only, which is
/// what the authserver's outbox writes.
/// </summary>
internal sealed class EmlMessage
{
    private EmlMessage(IReadOnlyList<string> recipients, string body)
    {
        Recipients = recipients;
        Body = body;
    }

    /// <summary>The addresses in To, lower-cased.</summary>
    public IReadOnlyList<string> Recipients { get; }

    public string Body { get; }

    public static EmlMessage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.ReplaceLineEndings("\n");
        var split = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? normalized : normalized[..split];
        var rawBody = split < 0 ? string.Empty : normalized[(split + 2)..];
        var headers = ReadHeaders(head);
        var encoding = CharsetOf(headers.GetValueOrDefault("content-type"));
        var body = headers.GetValueOrDefault("content-transfer-encoding")?.Trim().ToLowerInvariant() switch
        {
            "quoted-printable" => QuotedPrintable.Decode(rawBody, encoding),
            "base64" => DecodeBase64(rawBody, encoding),
            _ => rawBody,
        };
        return new EmlMessage(RecipientsOf(headers.GetValueOrDefault("to")), body);
    }

    public bool IsAddressedTo(string address) => Recipients.Contains(address.Trim().ToLowerInvariant(), StringComparer.Ordinal);

    private static Dictionary<string, string> ReadHeaders(string head)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        foreach (var line in head.Split('\n'))
        {
            // A line starting with white space continues the previous header (folding, RFC 5322 §2.2.3).
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && current is not null)
            {
                headers[current] += " " + line.Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                current = null;
                continue;
            }

            current = line[..colon].Trim();
            // The first occurrence counts; a repeated header is ignored rather than merged.
            if (!headers.TryAdd(current, line[(colon + 1)..].Trim()))
            {
                current = null;
            }
        }

        return headers;
    }

    private static List<string> RecipientsOf(string? to)
    {
        if (string.IsNullOrWhiteSpace(to))
        {
            return [];
        }

        try
        {
            var list = new MailAddressCollection { to };
            return [.. list.Select(a => a.Address.ToLowerInvariant())];
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static Encoding CharsetOf(string? contentType)
    {
        var charset = contentType?.Split(';').Select(p => p.Trim())
            .FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))?["charset=".Length..].Trim('"');
        return charset?.ToLowerInvariant() switch
        {
            null or "utf-8" or "utf8" or "us-ascii" => Encoding.UTF8,
            "iso-8859-1" or "latin1" => Encoding.Latin1,
            _ => Encoding.UTF8,
        };
    }

    private static string DecodeBase64(string body, Encoding encoding)
    {
        var compact = new string(body.Where(c => !char.IsWhiteSpace(c)).ToArray());
        try
        {
            return encoding.GetString(Convert.FromBase64String(compact));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }
}
