using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using PatientAccess.AuthServer.Tests.Integration.Member;

namespace PatientAccess.AuthServer.Tests.Integration.Developer;

/// <summary>
/// Walks the portal's pages as a browser would: cookies kept, the antiforgery token taken from the
/// last page, redirects read rather than followed, app forms posted as multipart with a logo.
/// </summary>
internal sealed partial class DeveloperDriver(AuthServerHost host) : IDisposable
{
    private readonly HttpClient _http = host.Browser();

    public string LastPage { get; private set; } = string.Empty;

    public HttpStatusCode LastStatus { get; private set; }

    public string? Token => CsrfToken().Match(LastPage) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public AuthServerHost Host => host;

    /// <summary>The underlying client: its cookie jar is this browser's.</summary>
    public HttpClient Http => _http;

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        LastStatus = response.StatusCode;
        LastPage = await response.Content.ReadAsStringAsync();
        return response;
    }

    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<(string Name, string Value)> fields, bool csrf = true)
    {
        var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList();
        if (csrf && Token is { } token)
        {
            form.Add(new("__csrf", token));
        }

        using var content = new FormUrlEncodedContent(form);
        return await SendAsync(path, content);
    }

    /// <summary>Posts an app form as a browser does: multipart, with an (optional) logo file part.</summary>
    public async Task<HttpResponseMessage> PostAppAsync(string path, IEnumerable<(string Name, string Value)> fields, Logo? logo = null, bool csrf = true)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (csrf && Token is { } token)
        {
            content.Add(new StringContent(token), "__csrf");
        }

        if (logo is not null)
        {
            var file = new ByteArrayContent(logo.Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(logo.ContentType);
            content.Add(file, "logo", logo.FileName);
        }
        return await SendAsync(path, content);
    }

    /// <summary>Signs up through the pages; ends signed in. Returns the session cookie's value (to replay it elsewhere).</summary>
    public async Task<string> SignUpAsync(string email, string name = "Ada Developer")
    {
        using (await GetAsync("/developer/signup"))
        {
        }

        using var sent = await PostAsync("/developer/signup", [("name", name), ("email", email)]);
        Assert.Equal("/developer/code", MemberDriver.LocationOf(sent));
        using (await GetAsync("/developer/code"))
        {
        }

        using var confirmed = await PostAsync("/developer/code", [("code", Outbox.LatestCode(host.DataDirectory, email))]);
        Assert.Equal("/developer", MemberDriver.LocationOf(confirmed));
        return confirmed.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pa-developer=", StringComparison.Ordinal)).Split(';')[0]["pa-developer=".Length..];
    }

    /// <summary>Signs in an existing account through the pages; returns the session cookie's value.</summary>
    public async Task<string> SignInAsync(string email)
    {
        using (await GetAsync("/developer/signin"))
        {
        }

        using var sent = await PostAsync("/developer/signin", [("email", email)]);
        Assert.Equal("/developer/code", MemberDriver.LocationOf(sent));
        using (await GetAsync("/developer/code"))
        {
        }

        using var confirmed = await PostAsync("/developer/code", [("code", Outbox.LatestCode(host.DataDirectory, email))]);
        Assert.Equal("/developer", MemberDriver.LocationOf(confirmed));
        return CookieValue(confirmed, "pa-developer");
    }

    /// <summary>The value a response sets for a cookie.</summary>
    public static string CookieValue(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0][(name.Length + 1)..];
    }

    /// <summary>Registers an app through the new-app page; returns its client id.</summary>
    public async Task<string> CreateAppAsync(string name = "Ada's App", string type = "confidential", string redirects = "https://app.example.com/callback", Logo? logo = null)
    {
        using (await GetAsync("/developer/clients/new"))
        {
        }

        using var created = await PostAppAsync("/developer/clients/new", [("name", name), ("client_type", type), ("redirect_uris", redirects), ("website", "https://app.example.com/")], logo);
        var location = MemberDriver.LocationOf(created);
        Assert.StartsWith("/developer/clients/", location, StringComparison.Ordinal);
        return location["/developer/clients/".Length..location.IndexOf('?', StringComparison.Ordinal)];
    }

    /// <summary>The client secret shown on the last page, if any.</summary>
    public string? ShownSecret => SecretShown().Match(LastPage) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static string NewEmail() => "d" + Guid.NewGuid().ToString("N")[..10] + "@example.com";

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(string path, HttpContent content)
    {
        var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        LastStatus = response.StatusCode;
        LastPage = await response.Content.ReadAsStringAsync();
        return response;
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();

    [GeneratedRegex("<code id=\"client-secret\">([^<]+)</code>")]
    private static partial Regex SecretShown();
}
