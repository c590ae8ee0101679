using System.Net;
using System.Text.RegularExpressions;

namespace PatientAccess.EndToEnd.Tests.Sandbox;

/// <summary>
/// A person in a browser, over plain HTTP: opens an authorize URL, registers the demo member John
/// Allen with an address of their own (the code read from the authserver's outbox), shares nothing
/// sensitive and allows; returns where the member pages send the browser back to the app.
/// </summary>
internal static partial class MemberWalk
{
    public static async Task<Uri> AuthorizeAsync(string authorizeUrl, string outbox, string email)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler);
        var start = new Uri(authorizeUrl);
        var site = new Uri(start.GetLeftPart(UriPartial.Authority));
        var page = string.Empty;

        async Task<(HttpStatusCode Status, Uri? Location)> GetAsync(Uri url)
        {
            using var response = await http.GetAsync(url);
            page = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.Headers.Location is { } l ? new Uri(site, l) : null);
        }

        async Task<Uri> PostAsync(string path, params (string Name, string Value)[] fields)
        {
            var form = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__csrf", WebUtility.HtmlDecode(Csrf().Match(page).Groups[1].Value)));
            using var content = new FormUrlEncodedContent(form);
            using var response = await http.PostAsync(new Uri(site, path), content);
            page = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"POST {path}: {(int)response.StatusCode}\n{page}");
            return new Uri(site, response.Headers.Location!);
        }

        var (status, memberPages) = await GetAsync(start);
        Assert.True(status == HttpStatusCode.Redirect, $"authorize: {(int)status}\n{page}");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(memberPages!)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(new Uri(site, "/member/register"))).Status);
        Assert.EndsWith("/member/email", (await PostAsync(
            "/member/register", ("first_name", "John"), ("last_name", "Allen"), ("birth_date", "1950-10-19"), ("member_id", "123456789123"), ("zip", "02114"))).AbsolutePath, StringComparison.Ordinal);
        await GetAsync(new Uri(site, "/member/email"));
        await PostAsync("/member/email", ("email", email));
        await GetAsync(new Uri(site, "/member/code"));
        var choose = await PostAsync("/member/code", ("code", LatestCode(outbox, email)));
        var (_, sharing) = await GetAsync(choose);
        await GetAsync(sharing!);
        await PostAsync("/member/sharing");
        await GetAsync(new Uri(site, "/member/approve"));
        return await PostAsync("/member/approve", ("decision", "allow"));
    }

    private static string LatestCode(string outbox, string email)
    {
        var message = Directory.GetFiles(outbox, "*.eml").Order(StringComparer.Ordinal).Reverse().Select(File.ReadAllText)
            .First(m => m.Contains("\r\nTo: " + email + "\r\n", StringComparison.Ordinal));
        return SixDigits().Match(message[(message.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]).Value;
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Csrf();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
