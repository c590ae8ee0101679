using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using PatientAccess.AuthServer.Tests.Browser;
using PatientAccess.Monitor.Reviews;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;
using Task = System.Threading.Tasks.Task;

namespace PatientAccess.Monitor.Tests.Browser;

/// <summary>
/// The /reviews pages in real Chromium, used the way a person does (fields by their labels, buttons
/// by their names, the keyboard for the decision), in English and Spanish, with axe-core checking
/// every page for serious or critical problems. The monitor runs on Kestrel with a small in-memory
/// review queue (the real one is engineer B's).
/// </summary>
public sealed class ReviewPagesBrowserTests(MonitorBackends backends) : IClassFixture<MonitorBackends>, IAsyncLifetime
{
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
    [InlineData("en-US", "Staff key", "Sign in", "Reason for your decision", "Reinstate app-bad", "Revoke app-bad for good", "app-bad: Write attempts", "app-bad is reinstated", "Enter a reason for your decision.", "Sign out")]
    [InlineData("es-MX", "Clave del personal", "Iniciar sesión", "Motivo de su decisión", "Restablecer app-bad", "Revocar app-bad definitivamente", "app-bad: Intentos de escritura", "app-bad está restablecida", "Escriba el motivo de su decisión.", "Cerrar sesión")]
    public async Task Reviews_SignInDecideSignOut_ByLabelsAndKeyboardAxeClean(
        string locale, string keyLabel, string signIn, string reasonLabel, string reinstate, string revoke, string heading, string done, string missingReason, string signOut)
    {
        var axe = await AxeCore.ScriptPathAsync();
        var reviews = new InMemoryReviews();
        reviews.Items.Add(InMemoryReviews.Flag());
        reviews.Items.Add(InMemoryReviews.Flag("app-new", DetectorNames.UnusualAuthorizations, ActionNames.Alert, ReviewStates.Alert));
        var port = FreePort.Next();
        var settings = await backends.NewSettingsAsync(MonitorBackends.Sqlite);
        settings["Service:Port"] = port.ToString(CultureInfo.InvariantCulture);
        await using var pages = new ReviewPagesHost(settings, reviews);
        var host = pages.Factory;
        host.UseKestrel();
        host.StartServer();
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BypassCSP = true });
        var page = await context.NewPageAsync();
        // axe-core is injected as a script tag, which the pages' CSP (rightly) refuses; the CSP itself is checked in ReviewPagesTests.
        var language = locale[..2];

        await page.GotoAsync($"http://127.0.0.1:{port}/reviews");
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await CheckAccessibilityAsync(page, axe);

        // A wrong key: the error is at the field, and focus goes to the summary.
        await page.GetByLabel(keyLabel).FillAsync("not-the-staff-key");
        await page.GetByRole(AriaRole.Button, new() { Name = signIn }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await CheckAccessibilityAsync(page, axe);

        await page.GetByLabel(keyLabel).FillAsync(StaffKey.Value);
        await page.GetByLabel(keyLabel).PressAsync("Enter");
        var flag = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading }) });
        await Assertions.Expect(flag).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page, axe);

        // No reason: refused at the field, nothing done.
        await flag.GetByRole(AriaRole.Button, new() { Name = revoke }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync(missingReason);
        Assert.Empty(reviews.Decisions);
        await CheckAccessibilityAsync(page, axe);

        // With the keyboard: the reason, then Tab to the reinstate button and Enter.
        flag = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading }) });
        await flag.GetByLabel(reasonLabel).FillAsync("vendor test suite, confirmed by phone");
        await flag.GetByLabel(reasonLabel).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(flag.GetByRole(AriaRole.Button, new() { Name = reinstate })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(done);
        Assert.Equal(("reinstate", "app-bad", "vendor test suite, confirmed by phone"), reviews.Decisions.Select(d => (d.Kind, d.ClientId, d.Reason)).Single());
        await CheckAccessibilityAsync(page, axe);

        await page.GetByRole(AriaRole.Button, new() { Name = signOut }).ClickAsync();
        await Assertions.Expect(page.GetByLabel(keyLabel)).ToBeVisibleAsync();
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
