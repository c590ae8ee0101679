using System.Net;
using System.Text.RegularExpressions;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>
/// Walks the member pages over HTTP the way a browser would: cookies kept, the antiforgery
/// token taken from the last page, redirects read rather than followed.
/// </summary>
internal sealed partial class MemberDriver : IDisposable
{
    private readonly HttpClient _http;

    public MemberDriver(AuthServerHost host, string? language = null)
        : this(Create(host, language))
    {
    }

    /// <summary>Over a client of the caller's (a server process): it must keep cookies and not follow redirects.</summary>
    public MemberDriver(HttpClient http) => _http = http;

    public string LastPage { get; private set; } = string.Empty;

    public HttpStatusCode LastStatus { get; private set; }

    public string? Token => CsrfToken().Match(LastPage) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        var response = await _http.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute));
        LastStatus = response.StatusCode;
        LastPage = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>Posts a form; the antiforgery token of the last page is added unless <paramref name="csrf"/> is false.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, bool csrf = true)
    {
        var form = fields.ToList();
        if (csrf && Token is { } token)
        {
            form.Add(new("__csrf", token));
        }

        using var content = new FormUrlEncodedContent(form);
        var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        LastStatus = response.StatusCode;
        LastPage = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>GETs the page, then posts its form; returns the answer to the post.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, params (string Name, string Value)[] fields)
    {
        using var page = await GetAsync(path);
        Assert.True(page.IsSuccessStatusCode, $"GET {path}: {(int)page.StatusCode}\n{LastPage}");
        return await PostAsync(path, fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
    }

    public static string LocationOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient Create(AuthServerHost host, string? language)
    {
        var http = host.Browser();
        if (language is not null)
        {
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return http;
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
