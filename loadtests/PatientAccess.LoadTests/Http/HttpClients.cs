using System.Net;

namespace PatientAccess.LoadTests.Http;

/// <summary>
/// The one place HttpClients are made, so the load scenarios and the member-page driver agree on
/// connection handling. Redirects are never followed automatically: a load step measures exactly
/// one request, and the member pages' redirects are read and followed by hand, as a browser would.
/// </summary>
internal static class HttpClients
{
    /// <summary>For measured steps: no cookies, so instances share no state; the engine's token enforces the timeout.</summary>
    public static HttpClient ForLoad() => Create(cookies: null, Timeout.InfiniteTimeSpan);

    /// <summary>For unmeasured requests (discovery, member pages, preparing tokens); cookies only when given a jar.</summary>
    public static HttpClient ForRequests(CookieContainer? cookies, TimeSpan timeout) => Create(cookies, timeout);

    private static HttpClient Create(CookieContainer? cookies, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            // Long enough to reuse connections under load, short enough to notice DNS or server changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        if (cookies is not null)
        {
            handler.CookieContainer = cookies;
        }

        // For load, HttpClient's own timeout would race the engine's per-request token, hence infinite there.
        return new HttpClient(handler, disposeHandler: true) { Timeout = timeout };
    }
}
