using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Production;
using PatientAccess.AuthServer.Tests.Integration;
using PatientAccess.AuthServer.Tests.Integration.Production;

namespace PatientAccess.AuthServer.Tests.Browser.Production;

/// <summary>
/// The developer's production request form in real Chromium, by labels, in English and Spanish,
/// with axe-core on the empty form, the refused form and the result. The developer portal's
/// sign-in is another part of issue 14, so the browser's requests are carried to an in-process
/// server whose ownership check is <see cref="TestOwnership"/> (Playwright routes every request
/// for the made-up origin to it, and its cookies stay with that server's client).
/// </summary>
[Collection(AuthTestGroup.Name)]
public sealed class ProductionFormBrowserTests(AuthBackends backends) : IAsyncLifetime
{
    private const string Origin = "http://portal.test";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("es-MX")]
    public async Task Developer_FillsTheFormByLabels_RefusedAnswerNamedThenSent(string locale)
    {
        var t = MemberText.For(locale[..2]);
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, StaffKey.Settings());
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(developer);
        using var server = driver.Developer(developer, locale);
        var axe = await AxeCore.ScriptPathAsync();
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BypassCSP = true });
        await context.RouteAsync(Origin + "/**", route => ForwardAsync(route, server));
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{Origin}/developer/clients/{clientId}/production");
        await CheckAccessibilityAsync(page, axe);
        await FillAsync(page, t, q8: t["production.no"]);
        await page.GetByRole(AriaRole.Button, new() { Name = t["production.submit"] }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync(t.Format("production.attestation.noDisqualifies", 8, t["production.q8.short"]));
        await CheckAccessibilityAsync(page, axe);

        // The answers typed are kept; the files are chosen again, and question 8 answered Yes.
        await Assertions.Expect(page.GetByLabel(t["production.company"])).ToHaveValueAsync("Example Health Apps Inc.");
        await FillAsync(page, t, q8: t["production.yes"]);
        await page.GetByRole(AriaRole.Button, new() { Name = t["production.submit"] }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        Assert.Equal(locale[..2], await page.Locator("html").GetAttributeAsync("lang"));
        await CheckAccessibilityAsync(page, axe);
        Assert.Equal(ProductionRequestStatus.Pending, (await host.Service<ProductionRequests>().LatestForClientAsync(clientId, TestContext.Current.CancellationToken))!.Status);
    }

    private static async Task FillAsync(IPage page, MemberText t, string q8)
    {
        await page.GetByLabel(t["production.company"], new() { Exact = true }).FillAsync("Example Health Apps Inc.");
        await page.GetByLabel(t["production.description"], new() { Exact = true }).FillAsync("Shows your claims and medicines in one timeline.");
        await page.GetByLabel(t["production.purpose"], new() { Exact = true }).FillAsync("Helps members keep track of their care.");
        await Group(page, t["production.customers"]).GetByLabel(t["production.customers.consumers"]).CheckAsync();
        await page.GetByLabel(t["production.consumerCost"], new() { Exact = true }).FillAsync("Free");
        await page.GetByLabel(t["production.terms"], new() { Exact = true }).FillAsync("https://app.example.com/terms");
        await page.GetByLabel(t["production.privacy"], new() { Exact = true }).FillAsync("https://app.example.com/privacy");
        await page.GetByLabel(t["production.logo"], new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = TestImages.Png(128, 128) });
        await page.GetByLabel(t["production.supportEmail"], new() { Exact = true }).FillAsync("support@app.example.com");
        await page.GetByLabel(t["production.securityContact"], new() { Exact = true }).FillAsync("security@app.example.com");
        await Group(page, t["production.testInstance"]).GetByLabel(t["production.yes"], new() { Exact = true }).CheckAsync();
        await Group(page, t["production.share"]).GetByLabel(t["production.no"], new() { Exact = true }).CheckAsync();
        await Group(page, t["production.plans"]).GetByLabel(t["production.plans.all"]).CheckAsync();
        for (var q = 1; q <= 10; q++)
        {
            var n = q.ToString(CultureInfo.InvariantCulture);
            var answer = q switch { 1 => t["production.no"], 8 => q8, _ => t["production.yes"] };
            await Group(page, t.Format("production.question", n, t[$"production.q{n}.text"])).GetByLabel(answer, new() { Exact = true }).CheckAsync();
        }
    }

    private static ILocator Group(IPage page, string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });

    /// <summary>Carries one browser request to the in-process server and its answer back (redirects included, unfollowed).</summary>
    private static async Task ForwardAsync(IRoute route, HttpClient server)
    {
        var request = route.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(new Uri(request.Url).PathAndQuery, UriKind.Relative));
        if (request.PostDataBuffer is { } body)
        {
            message.Content = new ByteArrayContent(body);
            if (request.Headers.TryGetValue("content-type", out var type))
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        using var response = await server.SendAsync(message);
        var headers = new Dictionary<string, string>();
        if (response.Headers.Location is { } location)
        {
            headers["Location"] = location.IsAbsoluteUri ? location.ToString() : Origin + location.OriginalString;
        }

        await route.FulfillAsync(new RouteFulfillOptions
        {
            Status = (int)response.StatusCode,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            BodyBytes = await response.Content.ReadAsByteArrayAsync(),
            Headers = headers,
        });
    }

    private static async Task CheckAccessibilityAsync(IPage page, string axe)
    {
        await page.AddScriptTagAsync(new() { Path = axe });
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run()).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, page.Url + "\n" + string.Join('\n', list));
    }
}
