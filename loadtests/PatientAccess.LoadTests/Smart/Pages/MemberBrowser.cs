using System.Net;
using PatientAccess.LoadTests.Http;

namespace PatientAccess.LoadTests.Smart.Pages;

/// <summary>
/// A browser's part of the member pages: one cookie jar (the member session and the antiforgery
/// cookie), pages fetched with GET, forms posted with their hidden fields, redirects within the
/// authserver followed, and a redirect away from it (back to the app) handed to the caller.
/// </summary>
internal sealed class MemberBrowser : IDisposable
{
    private const int MaxRedirects = 10;

    private readonly Uri _authServer;
    private readonly HttpClient _client;

    /// <summary>A browser for the member pages of <paramref name="authServer"/>, each request bounded by <paramref name="requestTimeout"/>.</summary>
    /// <param name="authServer">The authserver's base URL.</param>
    /// <param name="requestTimeout">Per request.</param>
    /// <param name="language">The browser's Accept-Language: the pages', and the member's account's, language (en-US by default).</param>
    public MemberBrowser(Uri authServer, TimeSpan requestTimeout, string language = "en-US")
    {
        ArgumentNullException.ThrowIfNull(authServer);
        _authServer = authServer;
        _client = HttpClients.ForRequests(new CookieContainer(), requestTimeout);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        // The pages speak English or Spanish; English keeps error messages readable in reports.
        _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("PatientAccess.LoadTests");
    }

    /// <summary>True for addresses on the authserver itself; anything else is where the app gets its answer.</summary>
    public bool IsAuthServer(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.Compare(url, _authServer, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }

    public Task<PageResponse> GetAsync(string path, CancellationToken cancellationToken) => GetAsync(new Uri(_authServer, path), cancellationToken);

    public async Task<PageResponse> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(request, cancellationToken);
    }

    /// <summary>Follows redirects while they stay on the authserver; returns the page reached, or the redirect that leaves.</summary>
    public async Task<PageResponse> FollowAsync(PageResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        for (var hop = 0; response.IsRedirect && IsAuthServer(response.Location!); hop++)
        {
            if (hop == MaxRedirects)
            {
                throw new SmartLaunchException($"{response.Label}: more than {MaxRedirects} redirects in a row");
            }

            response = await GetAsync(response.Location!, cancellationToken);
        }

        return response;
    }

    /// <summary>Posts the page's form for <paramref name="action"/> exactly as a browser would, with <paramref name="entries"/> built from it.</summary>
    public async Task<PageResponse> SubmitAsync(
        PageResponse page, string action, Func<HtmlForm, IReadOnlyList<KeyValuePair<string, string>>> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(entries);
        var form = page.Page.FormPostingTo(action)
            ?? throw new SmartLaunchException($"{page.Label}: the page {page.Page.Describe()} has no form posting to {action}");
        if (form.Method != "post")
        {
            throw new SmartLaunchException($"{page.Label}: the form for {action} uses {form.Method}, not post");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(page.Url, form.Action))
        {
            Content = new FormUrlEncodedContent(entries(form)),
        };
        return await SendAsync(request, cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    private async Task<PageResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var (status, location, body) = await SmartHttp.SendAsync(_client, request, cancellationToken);
        return new PageResponse(request.Method, request.RequestUri!, status, location, body);
    }
}
