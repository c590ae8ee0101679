using System.Net;
using System.Text.RegularExpressions;

namespace PatientAccess.Monitor.Tests.Support;

/// <summary>A browser-like client of the review pages: keeps cookies, reads the antiforgery field from a page and posts forms with it.</summary>
internal sealed partial class PageClient(HttpClient client) : IDisposable
{
    public HttpClient Http => client;

    public string? LastToken { get; private set; }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (CsrfField().Match(html) is { Success: true } match)
        {
            LastToken = WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        return (response.StatusCode, html);
    }

    /// <summary>Posts the fields, with the last page's antiforgery token unless <paramref name="withToken"/> is false.</summary>
    public async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken, bool withToken = true)
    {
        var all = fields.ToList();
        if (withToken && LastToken is not null)
        {
            all.Add(new("__csrf", LastToken));
        }

        using var content = new FormUrlEncodedContent(all);
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (CsrfField().Match(html) is { Success: true } match)
        {
            LastToken = WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        return (response.StatusCode, html, response);
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
