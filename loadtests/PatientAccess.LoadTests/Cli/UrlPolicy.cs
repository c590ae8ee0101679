namespace PatientAccess.LoadTests.Cli;

/// <summary>
/// Which URLs may be loaded. The workplace network policy allows load only against our own machine,
/// so anything but a loopback host needs an explicit --allow-remote.
/// </summary>
internal static class UrlPolicy
{
    public static bool IsHttpUrl(string text, out Uri uri)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(parsed.Host))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }

    /// <summary>"localhost", 127.0.0.0/8 and ::1; names that merely resolve to loopback today are not trusted.</summary>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsLoopback;
    }
}
