using System.Globalization;
using System.Text;

namespace PatientAccess.LoadTests.Smart.Mail;

/// <summary>Decodes a quoted-printable body (RFC 2045 §6.7): =XX escapes and soft line breaks.</summary>
internal static class QuotedPrintable
{
    public static string Decode(string text, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(encoding);
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '=')
            {
                // Literal characters are ASCII by definition; anything else is kept as UTF-8 rather than lost.
                if (c < 0x80)
                {
                    bytes.Add((byte)c);
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes([c]));
                }

                continue;
            }

            // "=" at a line end is a soft break inserted to keep lines short: it joins the lines.
            if (i + 1 < text.Length && text[i + 1] == '\n')
            {
                i += 1;
            }
            else if (i + 2 < text.Length && text[i + 1] == '\r' && text[i + 2] == '\n')
            {
                i += 2;
            }
            else if (i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                bytes.Add(value);
                i += 2;
            }
            else
            {
                // Malformed escape: RFC 2045 suggests keeping it as it stands.
                bytes.Add((byte)'=');
            }
        }

        return encoding.GetString(bytes.ToArray());
    }
}
