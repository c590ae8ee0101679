using System.Text.Json;
using Microsoft.Playwright;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Production;
using PatientAccess.AuthServer.Tests.Integration;
using PatientAccess.AuthServer.Tests.Integration.Production;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Browser.Staff;

/// <summary>
/// Real Chromium against the real server process, by labels and button names: a reviewer signs in
/// with the staff key, opens the waiting request, is told a reason is required, approves, and the
/// app appears in the gallery; axe-core checks every page, in English and in Spanish.
/// </summary>
public sealed class StaffBrowserTests : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _data = Directory.CreateTempSubdirectory("pa-staff-browser-").FullName;
    private RedisServer? _redis;
    private ServiceProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _clientId = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();

        // The request is seeded through the server's own code on its SQLite file, then the process opens the same folder.
        await using (var seed = new AuthServerHost(AuthBackends.Sqlite, _data, null, _redis.ConnectionString))
        {
            _clientId = "app-" + Guid.NewGuid().ToString("N")[..10];
            await seed.Service<ClientRegistry>().RegisterAsync(
                new ClientRegistration(_clientId, "Vitals Tracker", ClientType.Public, ClientStatus.Sandbox, [ProductionDriver.Redirect], ClientOptions.DefaultDemoScopes, Website: "https://app.example.com/"),
                CancellationToken.None);
            var fields = ProductionDriver.Qualifying();
            var submission = new ProductionSubmission
            {
                Company = fields["company"], Description = fields["description"], Purpose = fields["purpose"], Customers = fields["customers"],
                ConsumerCost = fields["consumer_cost"], TermsOfServiceUri = fields["terms_of_service_uri"], PrivacyPolicyUri = fields["privacy_policy_uri"],
                SupportEmail = fields["support_email"], SecurityContact = fields["security_contact"], TestInstance = fields["test_instance"],
                ShareWithCustomers = fields["share_with_customers"], Plans = fields["plans"],
                Answers = [.. Enumerable.Range(1, 10).Select(q => fields["q" + q])], Logo = TestImages.Png(128, 128),
            };
            var client = (await seed.Service<ClientRegistry>().FindAsync(_clientId, CancellationToken.None))!;
            Assert.NotNull((await seed.Service<ProductionRequests>().SubmitAsync(client, ProductionDriver.NewEmail(), "en", submission, CancellationToken.None)).RequestId);
        }

        // The issuer is the process's own address, so the gallery's logo URLs point at it.
        var port = FreePort.Next();
        _server = ServiceProcess.Start(ServiceName.AuthServer, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = _data,
            ["Redis__ConnectionString"] = _redis.ConnectionString,
            ["Staff__KeyHashes__0"] = StaffKey.Hash,
            ["AuthServer__Issuer"] = $"http://127.0.0.1:{port}",
        }, port);
        Assert.True(await _server.WaitReadyAsync(TimeSpan.FromSeconds(90)), _server.Output);
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
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    [Theory]
    [InlineData("en-US", "Staff key", "Sign in", "Reason", "Approve", "Review dates", "App gallery", "Privacy policy")]
    [InlineData("es-MX", "Clave del personal", "Iniciar sesión", "Motivo", "Aprobar", "Fechas de revisión", "Galería de aplicaciones", "Política de privacidad")]
    public async Task Reviewer_SignsInReviewsApproves_AppInGallery(string locale, string keyLabel, string signIn, string reason, string approve, string reviews, string gallery, string privacy)
    {
        var axe = await AxeCore.ScriptPathAsync();
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BypassCSP = true });
        var page = await context.NewPageAsync();

        // Without the key the queue is closed.
        var closed = await page.GotoAsync(_server!.BaseAddress + "staff/requests");
        Assert.Equal(401, closed!.Status);
        await CheckAccessibilityAsync(page, axe);

        await page.GotoAsync(_server.BaseAddress + "staff/signin");
        await CheckAccessibilityAsync(page, axe);
        await page.GetByLabel(keyLabel).FillAsync("not the key");
        await page.GetByRole(AriaRole.Button, new() { Name = signIn }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page, axe);
        await page.GetByLabel(keyLabel).FillAsync(StaffKey.Value);
        await page.GetByRole(AriaRole.Button, new() { Name = signIn }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = _clientId }).ClickAsync();
        await Assertions.Expect(page.GetByText("security@app.example.com")).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page, axe);

        // No reason: the error is at the field, and nothing is decided.
        await page.GetByRole(AriaRole.Button, new() { Name = approve, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page, axe);
        await page.GetByLabel(reason).FillAsync("Attestation qualifies; demo testing seen.");
        await page.GetByRole(AriaRole.Button, new() { Name = approve, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page, axe);

        await page.GetByRole(AriaRole.Link, new() { Name = reviews }).ClickAsync();
        await CheckAccessibilityAsync(page, axe);

        await page.GotoAsync(_server.BaseAddress + "gallery");
        Assert.Equal(locale[..2], await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = gallery, Level = 1 })).ToBeVisibleAsync();
        // The demo apps are listed too: this app's card is the one with its heading.
        var card = page.Locator("li.card", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Vitals Tracker", Exact = true }) });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = privacy, Exact = true })).ToHaveAttributeAsync("href", "https://app.example.com/privacy");
        var logoLoaded = await page.Locator($"img.app-logo[src$='/gallery/logos/{_clientId}']").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 128");
        Assert.True(logoLoaded);
        await CheckAccessibilityAsync(page, axe);
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
