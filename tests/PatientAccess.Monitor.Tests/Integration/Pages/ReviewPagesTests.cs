using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PatientAccess.Monitor.Pages;
using PatientAccess.Monitor.Reviews;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;
using Task = System.Threading.Tasks.Task;

namespace PatientAccess.Monitor.Tests.Integration.Pages;

/// <summary>
/// The /reviews pages as a person uses them (real Redis for the sessions): sign in with the staff
/// key, read each flag, decide with a reason; and what an outsider can try: a wrong key, an app's
/// token or the evidence key as the key, a form without its antiforgery token, a decision without a
/// session or with only a bearer key, a session cookie replayed after sign-out.
/// </summary>
public sealed class ReviewPagesTests(MonitorBackends backends) : IClassFixture<MonitorBackends>
{
    private const string AppToken = "eyJhbGciOiJSUzI1NiIsImtpZCI6Im1vbml0b3ItdGVzdC1rZXkifQ.eyJjbGllbnRfaWQiOiJhcHAtMSJ9.c2ln";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ReviewPagesHost> HostAsync()
    {
        var reviews = new InMemoryReviews();
        reviews.Items.Add(InMemoryReviews.Flag());
        reviews.Items.Add(InMemoryReviews.Flag("app-new", DetectorNames.UnusualAuthorizations, ActionNames.Alert, ReviewStates.Alert));
        reviews.Items.Add(InMemoryReviews.Flag("app-old", DetectorNames.TooManyRequests, ActionNames.Throttle, ReviewStates.Closed));
        return new ReviewPagesHost(await backends.NewSettingsAsync(MonitorBackends.Sqlite), reviews);
    }

    private static PageClient Browser(WebApplicationFactory<Program> host, string language = "en")
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new PageClient(client);
    }

    private static async Task<PageClient> SignedInAsync(WebApplicationFactory<Program> host)
    {
        var browser = Browser(host);
        await browser.GetAsync("/reviews", Ct);
        var (status, html, _) = await browser.PostAsync("/reviews/signin", [new("key", StaffKey.Value)], Ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Flagged apps</h1>", html, StringComparison.Ordinal);
        return browser;
    }

    [Fact]
    public async Task Get_NoSession_SignInFormWithLabelledKeyField()
    {
        await using var pages = await HostAsync();
        var host = pages.Factory;
        using var browser = Browser(host);

        var (status, html) = await browser.GetAsync("/reviews", Ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Sign in to the review queue</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"key\">Staff key</label>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main\"", html, StringComparison.Ordinal);
        Assert.Contains("/reviews/assets/site.css", html, StringComparison.Ordinal);
        Assert.DoesNotContain("app-bad", html, StringComparison.Ordinal);
        using var raw = await host.CreateClient().GetAsync(new Uri("/reviews", UriKind.Relative), Ct);
        var csp = string.Join(' ', raw.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", raw.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(raw.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("not-the-key", HttpStatusCode.Unauthorized, "That is not a staff key")]
    [InlineData(AppToken, HttpStatusCode.Unauthorized, "That is not a staff key")]
    [InlineData(EvidenceKey.Value, HttpStatusCode.Unauthorized, "That is not a staff key")]
    [InlineData("", HttpStatusCode.BadRequest, "Enter the staff key")]
    public async Task SignIn_NotTheStaffKey_ErrorAtTheFieldAndNoSession(string key, HttpStatusCode expected, string message)
    {
        await using var pages = await HostAsync();
        var host = pages.Factory;
        using var browser = Browser(host);
        await browser.GetAsync("/reviews", Ct);

        var (status, html, response) = await browser.PostAsync("/reviews/signin", [new("key", key)], Ct);

        Assert.Equal(expected, status);
        Assert.Contains("<p class=\"error\" id=\"key-error\">" + message, html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"key-hint key-error\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#key\">", html, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(StaffSessions.CookieName, StringComparison.Ordinal)));
        Assert.DoesNotContain("app-bad", (await browser.GetAsync("/reviews", Ct)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_RefusedAndNoSession()
    {
        await using var pages = await HostAsync();
        var host = pages.Factory;
        using var browser = Browser(host);
        await browser.GetAsync("/reviews", Ct);

        var (status, html, _) = await browser.PostAsync("/reviews/signin", [new("key", StaffKey.Value)], Ct, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("did not come from this page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("app-bad", (await browser.GetAsync("/reviews", Ct)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_SignedIn_EachFlagWithDetectorEvidenceActionStepsAndState()
    {
        await using var pages = await HostAsync();
        var (host, reviews) = (pages.Factory, pages.Reviews);
        using var browser = await SignedInAsync(host);

        var (_, html) = await browser.GetAsync("/reviews", Ct);

        Assert.Contains("<h2 id=\"flag-reason-", html, StringComparison.Ordinal);
        Assert.Contains("app-bad: Write attempts</h2>", html, StringComparison.Ordinal);
        Assert.Contains("12 write attempts in 60 s (threshold 5)", html, StringComparison.Ordinal);
        Assert.Contains("<dd>suspended</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>open, waiting for a decision</dd>", html, StringComparison.Ordinal);
        Assert.Contains("60 seconds, from 2026-12-07 05:59:00 UTC to 2026-12-07 06:00:00 UTC", html, StringComparison.Ordinal);
        Assert.Contains("<code>e-sample-1</code>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Steps of the action for app-bad</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Tokens</th><td>done</td><td>2026-12-07 06:00:00 UTC</td><td>7</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">E-mail to plan contacts</th><td>failed</td>", html, StringComparison.Ordinal);
        Assert.Contains("formaction=\"/reviews/apps/app-bad/reinstate\"", html, StringComparison.Ordinal);
        // The alert-only flag can be revoked but not "reinstated" (nothing was done to it); the closed one has no forms.
        Assert.Contains("app-new: Unusual member authorizations", html, StringComparison.Ordinal);
        Assert.Contains("formaction=\"/reviews/apps/app-new/revoke\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/reviews/apps/app-new/reinstate", html, StringComparison.Ordinal);
        Assert.Contains("app-old: Too many requests", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/reviews/apps/app-old/", html, StringComparison.Ordinal);
        var open = (await browser.GetAsync("/reviews?state=open", Ct)).Html;
        Assert.DoesNotContain("app-old", open, StringComparison.Ordinal);
        Assert.Contains("app-bad", open, StringComparison.Ordinal);
        Assert.Empty(reviews.Decisions);
    }

    [Fact]
    public async Task Decide_Reinstate_CarriedOutWithTheActorAndReason()
    {
        await using var pages = await HostAsync();
        var (host, reviews) = (pages.Factory, pages.Reviews);
        using var browser = await SignedInAsync(host);
        var flag = reviews.Items[0];

        var (status, html, _) = await browser.PostAsync("/reviews/apps/app-bad/reinstate", [new("flag", flag.Id), new("reason", "  false positive: the vendor's test suite  ")], Ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("role=\"status\">app-bad is reinstated", html, StringComparison.Ordinal);
        var decision = Assert.Single(reviews.Decisions);
        Assert.Equal(("reinstate", "app-bad", "staff:" + StaffKey.Hash[..12], "false positive: the vendor's test suite"), decision);
    }

    [Theory]
    [InlineData("", "Enter a reason for your decision.")]
    [InlineData("   ", "Enter a reason for your decision.")]
    [InlineData("LONG", "The reason must be 500 characters or fewer.")]
    public async Task Decide_BadReason_ErrorAtThatFormsFieldAndNothingDone(string reason, string message)
    {
        await using var pages = await HostAsync();
        var (host, reviews) = (pages.Factory, pages.Reviews);
        using var browser = await SignedInAsync(host);
        var flag = reviews.Items[0];
        var field = ReviewItemView.FieldId(flag.Id);

        var (status, html, _) = await browser.PostAsync("/reviews/apps/app-bad/revoke", [new("flag", flag.Id), new("reason", reason == "LONG" ? new string('x', 501) : reason)], Ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"<p class=\"error\" id=\"{field}-error\">{message}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#{field}\">{message}</a>", html, StringComparison.Ordinal);
        Assert.Empty(reviews.Decisions);
    }

    [Fact]
    public async Task Decide_RefusedByTheAuthServer_ErrorShownNotSuccess()
    {
        await using var pages = await HostAsync();
        var (host, reviews) = (pages.Factory, pages.Reviews);
        using var browser = await SignedInAsync(host);
        reviews.NextResult = new DecisionResult(409, null, "the app is not suspended");

        var (status, html, _) = await browser.PostAsync("/reviews/apps/app-bad/reinstate", [new("flag", reviews.Items[0].Id), new("reason", "checked")], Ct);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("The decision on app-bad was not carried out: the app is not suspended", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is reinstated", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_WithoutAntiforgeryToken_RefusedAndNothingDone()
    {
        await using var pages = await HostAsync();
        var (host, reviews) = (pages.Factory, pages.Reviews);
        using var browser = await SignedInAsync(host);

        var (status, _, _) = await browser.PostAsync("/reviews/apps/app-bad/revoke", [new("flag", reviews.Items[0].Id), new("reason", "forged")], Ct, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(reviews.Decisions);
    }

    /// <summary>Another browser with a valid form token of its own but no session, or only the staff key as a bearer header: nothing is done.</summary>
    [Fact]
    public async Task Decide_WithoutSession_SignInAndNothingDone()
    {
        await using var pages = await HostAsync();
        var (host, reviews) = (pages.Factory, pages.Reviews);
        using var outsider = Browser(host);
        await outsider.GetAsync("/reviews", Ct);
        outsider.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", StaffKey.Value);

        var (status, html, _) = await outsider.PostAsync("/reviews/apps/app-bad/revoke", [new("flag", reviews.Items[0].Id), new("reason", "drive-by")], Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("Your session has ended", html, StringComparison.Ordinal);
        Assert.Empty(reviews.Decisions);
        Assert.DoesNotContain("app-bad", (await outsider.GetAsync("/reviews", Ct)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_TheOldCookieNoLongerOpensTheQueue_AndRedisNeverHeldTheHandle()
    {
        await using var pages = await HostAsync();
        var host = pages.Factory;
        // Cookies by hand, to see and replay exactly what the browser holds.
        using var raw = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var (csrfCookie, token) = await FormTokenAsync(raw, null);
        using var signIn = await PostAsync(raw, "/reviews/signin", csrfCookie, token, [new("key", StaffKey.Value)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(StaffSessions.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/reviews", cookie, StringComparison.OrdinalIgnoreCase);
        var session = cookie.Split(';')[0];
        var handle = session[(StaffSessions.CookieName.Length + 1)..];
        Assert.False(await backends.RedisDatabase.KeyExistsAsync(StaffSessions.KeyPrefix + handle));
        Assert.True(await backends.RedisDatabase.KeyExistsAsync(StaffSessions.Key(handle)));
        var ttl = await backends.RedisDatabase.KeyTimeToLiveAsync(StaffSessions.Key(handle));
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
        Assert.Contains("app-bad", await PageAsync(raw, csrfCookie + "; " + session), StringComparison.Ordinal);

        var (_, signOutToken) = await FormTokenAsync(raw, csrfCookie + "; " + session);
        using var signOut = await PostAsync(raw, "/reviews/signout", csrfCookie + "; " + session, signOutToken, []);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.False(await backends.RedisDatabase.KeyExistsAsync(StaffSessions.Key(handle)));
        var replayed = await PageAsync(raw, csrfCookie + "; " + session);
        Assert.Contains("<h1>Sign in to the review queue</h1>", replayed, StringComparison.Ordinal);
        Assert.DoesNotContain("app-bad", replayed, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient raw, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/reviews", UriKind.Relative));
        request.Headers.Add("Cookie", cookies);
        using var response = await raw.SendAsync(request, Ct);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The antiforgery cookie (the first time) and the form token of a /reviews page.</summary>
    private static async Task<(string Cookie, string Token)> FormTokenAsync(HttpClient raw, string? cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/reviews", UriKind.Relative));
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }

        using var page = await raw.SendAsync(request, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var token = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__csrf\" value=\"([^\"]+)\"").Groups[1].Value);
        var cookie = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.FirstOrDefault(c => c.StartsWith("pa-monitor-csrf=", StringComparison.Ordinal))?.Split(';')[0] : null;
        return (cookie ?? string.Empty, token);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient raw, string path, string cookies, string token, KeyValuePair<string, string>[] fields)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([.. fields, new("__csrf", token)]),
        };
        post.Headers.Add("Cookie", cookies);
        return await raw.SendAsync(post, Ct);
    }

    [Fact]
    public async Task Language_AcceptLanguageAndSwitch_SpanishPagesAndSafeReturn()
    {
        await using var pages = await HostAsync();
        var host = pages.Factory;
        using var spanish = Browser(host, "es-US,es;q=0.9");

        var (_, html) = await spanish.GetAsync("/reviews", Ct);

        Assert.Contains("<html lang=\"es\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Iniciar sesión en la cola de revisión</h1>", html, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\">English</a>", html, StringComparison.Ordinal);
        using var english = Browser(host);
        var (_, switched) = await english.GetAsync("/reviews/language?to=es&return=%2Freviews%3Fstate%3Dopen", Ct);
        Assert.Contains("<html lang=\"es\">", switched, StringComparison.Ordinal);
        using var noRedirect = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var target in new[] { "https://evil.example/", "//evil.example/reviews", "/r4/AuditEvent", "/reviews/../r4" })
        {
            using var response = await noRedirect.GetAsync(new Uri("/reviews/language?to=es&return=" + Uri.EscapeDataString(target), UriKind.Relative), Ct);
            Assert.Equal("/reviews", response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task Assets_TheAuthServersOwnStylesheet()
    {
        await using var pages = await HostAsync();
        var host = pages.Factory;
        using var client = host.CreateClient();

        var css = await client.GetStringAsync(new Uri(ReviewAssets.StylePath, UriKind.Relative), Ct);

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "authserver", "PatientAccess.AuthServer", "Member", "Assets", "site.css"), Ct), css);
    }
}
