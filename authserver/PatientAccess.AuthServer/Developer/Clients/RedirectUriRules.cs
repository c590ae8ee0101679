namespace PatientAccess.AuthServer.Developer.Clients;

/// <summary>
/// What a developer may register as redirect URLs: absolute https URLs, or http on the loopback
/// interface only (127.0.0.1, [::1], localhost: RFC 8252 §7.3 native apps); no fragment (RFC 6749
/// §3.1.2), no wildcard (redirects are compared exactly, RFC 9700 §4.1.3), no user name or password
/// in the URL (a classic way to make <c>https://good.example@evil.example</c> look trusted), nothing
/// a parser might read two ways (spaces, backslashes, non-ASCII), within a length and a count.
/// </summary>
internal static class RedirectUriRules
{
    private static readonly string[] LoopbackHosts = ["127.0.0.1", "[::1]", "localhost"];

    /// <summary>The first problem with the list, and the URL it concerns (null for list-wide problems).</summary>
    public static (RedirectUriProblem Problem, string? Uri) Check(IReadOnlyList<string> uris, int maxCount, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(uris);
        if (uris.Count == 0)
        {
            return (RedirectUriProblem.Missing, null);
        }

        if (uris.Count > maxCount)
        {
            return (RedirectUriProblem.TooMany, null);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var uri in uris)
        {
            var problem = CheckOne(uri, maxLength);
            if (problem != RedirectUriProblem.None)
            {
                return (problem, uri);
            }

            if (!seen.Add(uri))
            {
                return (RedirectUriProblem.Duplicate, uri);
            }
        }

        return (RedirectUriProblem.None, null);
    }

    public static RedirectUriProblem CheckOne(string uri, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Length == 0)
        {
            return RedirectUriProblem.Missing;
        }

        if (uri.Length > maxLength)
        {
            return RedirectUriProblem.TooLong;
        }

        if (uri.Any(c => c <= ' ' || c >= 0x7f || c == '\\'))
        {
            return RedirectUriProblem.Characters;
        }

        if (uri.Contains('#', StringComparison.Ordinal))
        {
            return RedirectUriProblem.Fragment;
        }

        if (uri.Contains('*', StringComparison.Ordinal))
        {
            return RedirectUriProblem.Wildcard;
        }

        var schemeEnd = uri.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host))
        {
            return RedirectUriProblem.NotAbsolute;
        }

        // The authority as written (up to the first /, ? or end): '@' there means user information.
        var rest = uri[(schemeEnd + 3)..];
        var authorityEnd = rest.IndexOfAny(['/', '?']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        if (authority.Contains('@', StringComparison.Ordinal) || parsed.UserInfo.Length > 0)
        {
            return RedirectUriProblem.UserInfo;
        }

        var scheme = uri[..schemeEnd];
        if (scheme == Uri.UriSchemeHttps)
        {
            return RedirectUriProblem.None;
        }

        if (scheme != Uri.UriSchemeHttp)
        {
            return RedirectUriProblem.Scheme;
        }

        var host = authority.StartsWith('[') ? authority[..(authority.IndexOf(']', StringComparison.Ordinal) + 1)] : authority.Split(':')[0];
        return LoopbackHosts.Contains(host, StringComparer.Ordinal) ? RedirectUriProblem.None : RedirectUriProblem.HttpNotLoopback;
    }

    /// <summary>A website: an absolute https URL without user information, within the length.</summary>
    public static bool IsWebsite(string uri, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return CheckOne(uri, maxLength) == RedirectUriProblem.None && uri.StartsWith("https://", StringComparison.Ordinal);
    }
}
