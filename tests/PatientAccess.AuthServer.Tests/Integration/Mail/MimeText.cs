using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PatientAccess.AuthServer.Tests.Integration.Mail;

/// <summary>
/// Just enough MIME to read what System.Net.Mail sends (RFC 5322 headers, RFC 2047 encoded
/// words, base64 and quoted-printable bodies), written here so a test checks the bytes on the
/// wire rather than trusting the sender's own library to read them back.
/// </summary>
internal static partial class MimeText
{
    /// <summary>Unfolded headers; the first of each name wins.</summary>
    public static Dictionary<string, string> Headers(string block)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var unfolded = FoldedLine().Replace(block, " ");
        foreach (var line in unfolded.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        return headers;
    }

    /// <summary>Decodes =?charset?B|Q?...?= words; adjacent words are joined as bytes first, so a character split between them survives.</summary>
    public static string DecodeWords(string value)
    {
        var joined = BetweenWords().Replace(value, "$1$2");
        var output = new StringBuilder();
        var last = 0;
        var bytes = new List<byte>();
        string? charset = null;
        foreach (Match word in EncodedWord().Matches(joined))
        {
            if (word.Index != last)
            {
                Flush();
                output.Append(joined, last, word.Index - last);
            }

            charset = word.Groups[1].Value;
            var text = word.Groups[3].Value;
            bytes.AddRange(word.Groups[2].Value is "B" or "b"
                ? Convert.FromBase64String(text)
                : QuotedPrintable(text.Replace('_', ' ')));
            last = word.Index + word.Length;
        }

        Flush();
        output.Append(joined, last, joined.Length - last);
        return output.ToString();

        void Flush()
        {
            if (bytes.Count > 0)
            {
                output.Append(Encoding.GetEncoding(charset!).GetString([.. bytes]));
                bytes.Clear();
            }
        }
    }

    public static string DecodeBody(string body, string transferEncoding, string contentType)
    {
        var charset = Charset().Match(contentType) is { Success: true } m ? m.Groups[1].Value.Trim('"') : "us-ascii";
        var encoding = Encoding.GetEncoding(charset);
        return transferEncoding.Trim().ToUpperInvariant() switch
        {
            "BASE64" => encoding.GetString(Convert.FromBase64String(Whitespace().Replace(body, string.Empty))),
            "QUOTED-PRINTABLE" => encoding.GetString(QuotedPrintable(body.Replace("=\r\n", string.Empty, StringComparison.Ordinal))),
            _ => body,
        };
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes([text[i]]));
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex FoldedLine();

    [GeneratedRegex(@"(\?=)\s+(=\?)")]
    private static partial Regex BetweenWords();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"charset\s*=\s*([^;\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
