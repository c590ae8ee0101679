using System.Text.RegularExpressions;

namespace PatientAccess.LoadTests.Redaction;

/// <summary>
/// Removes credentials from everything the tool prints or writes. A load test is often run with a
/// live bearer token for a member's data; a report left in a folder or pasted into a ticket must not
/// carry it. What is removed is replaced by <see cref="Marker"/>, so a reader sees that something was there.
/// </summary>
internal static partial class SecretRedactor
{
    public const string Marker = "[redacted]";

    /// <summary>Header names whose value is a credential, whatever it looks like.</summary>
    private static readonly string[] SecretHeaderWords = ["authorization", "cookie", "token", "secret", "password", "api-key", "apikey", "auth", "session"];

    /// <summary>Option names whose value is a credential (<c>--token</c>, <c>--client-secret</c>, ...).</summary>
    private static readonly string[] SecretOptionWords = ["token", "secret", "password", "passwd", "api-key", "apikey", "credential", "cookie"];

    /// <summary>Free text: a console line, a report, an error message.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = SecretHeader().Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + Marker);
        result = BearerCredential().Replace(result, m => m.Groups["scheme"].Value + " " + Marker);
        result = SecretParameter().Replace(result, m => m.Groups["key"].Value + m.Groups["sep"].Value + Marker);
        result = CodeParameter().Replace(result, m => m.Groups["key"].Value + m.Groups["sep"].Value + Marker);
        result = JwtShaped().Replace(result, Marker);
        return result;
    }

    /// <summary>
    /// A command line, argument by argument: the value of a secret-named option and of a
    /// credential header is replaced before the free-text rules run on what is left.
    /// </summary>
    public static IReadOnlyList<string> RedactArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? (equals < 0 ? arg : arg[..equals]) : null;
            if (name is not null && IsSecretOption(name))
            {
                if (equals >= 0)
                {
                    result.Add(name + "=" + Marker);
                }
                else
                {
                    result.Add(arg);
                    if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        result.Add(Marker);
                        i++;
                    }
                }

                continue;
            }

            if (name == "--header" && equals >= 0)
            {
                result.Add(name + "=" + RedactHeader(arg[(equals + 1)..]));
                continue;
            }

            if (name == "--header" && i + 1 < args.Count)
            {
                result.Add(arg);
                result.Add(RedactHeader(args[++i]));
                continue;
            }

            result.Add(Redact(arg));
        }

        return result;
    }

    /// <summary>A <c>Name: value</c> header: a credential header keeps only its name.</summary>
    public static string RedactHeader(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return Redact(header);
        }

        var name = header[..colon].Trim();
        return SecretHeaderWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)) ? name + ": " + Marker : Redact(header);
    }

    private static bool IsSecretOption(string name) =>
        SecretOptionWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>A credential header written out in text: <c>Authorization: Basic ...</c>, <c>Cookie=...</c>.</summary>
    [GeneratedRegex(@"(?<name>\b(?:Proxy-)?Authorization|\bCookie|\bSet-Cookie|\bX-Api-Key)(?<sep>\s*[:=]\s*)[^'""\r\n<&]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretHeader();

    /// <summary><c>Bearer xxx</c> anywhere (a header echoed in an error, a log line).</summary>
    [GeneratedRegex(@"(?<scheme>\bBearer)\s+(?!\[redacted\])[^\s'""&<>,;]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerCredential();

    /// <summary>OAuth and form parameters that are credentials, in a query, a form, JSON or <c>key: value</c> text.</summary>
    [GeneratedRegex(@"(?<key>\b(?:client_secret|code_verifier|refresh_token|access_token|id_token|password|passwd|api_key|assertion|client_assertion)""?)(?<sep>\s*[=:]\s*""?)(?!\[redacted\])[^\s""'&,;<>}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();

    /// <summary>An authorization code in a URL (<c>?code=</c>, <c>&amp;code=</c>) or JSON (<c>"code":"..."</c>); "exit code 2" stays.</summary>
    [GeneratedRegex(@"(?<key>[?&]code|""code"")(?<sep>\s*[=:]\s*""?)(?!\[redacted\])[^\s""'&,;<>}]+", RegexOptions.CultureInvariant)]
    private static partial Regex CodeParameter();

    /// <summary>Anything shaped like a JWT (three base64url parts, the first a JSON header), wherever it appears.</summary>
    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex JwtShaped();
}
