using System.Text.Json;
using Microsoft.Playwright;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.AuthServer.Tests.Unit.Developer;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Browser;

/// <summary>
/// Real Chromium on a real authserver process, driven by labels and button names as a person
/// would: a new developer signs up, registers an app (with a logo), sees the client secret once,
/// and a reload does not show it again; in English and in Spanish, with axe-core on every page.
/// </summary>
[Collection(MemberTestGroup.Name)]
public sealed class DeveloperPortalBrowserTests(MemberServices stack) : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _data = Directory.CreateTempSubdirectory("pa-developer-browser-").FullName;
    private ServiceProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        _server = ServiceProcess.Start(ServiceName.AuthServer, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = _data,
            ["Redis__ConnectionString"] = stack.RedisConnectionString,
            ["Store__Url"] = stack.Store.BaseAddress.ToString(),
            ["Store__OperatorKey"] = TestKeys.Operator,
        });
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

        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public Task NewDeveloper_English_SignUpRegisterAppSecretOnce() => RunAsync(new Words(
        "en-US", "Create an account", "Your name", "E-mail address", "Send me a code", "6-digit code", "Confirm", "Your apps", "Register an app",
        "App name", "Confidential", "Redirect URLs", "Website (optional)", "Logo (optional)", "Register app", "Your client secret", "Enter the app's name", "Edit app"));

    [Fact]
    public Task NewDeveloper_Spanish_SignUpRegisterAppSecretOnce() => RunAsync(new Words(
        "es-MX", "Crear una cuenta", "Su nombre", "Correo electrónico", "Enviarme un código", "Código de 6 dígitos", "Confirmar", "Sus aplicaciones",
        "Registrar una aplicación", "Nombre de la aplicación", "Confidencial", "URL de redirección", "Sitio web (opcional)", "Logotipo (opcional)",
        "Registrar aplicación", "Su secreto de cliente", "Escriba el nombre de la aplicación", "Editar aplicación"));

    private async Task RunAsync(Words words)
    {
        var axe = await AxeCore.ScriptPathAsync();
        var logo = Path.Combine(_data, "logo.png");
        await File.WriteAllBytesAsync(logo, LogoSamples.Png64, TestContext.Current.CancellationToken);
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = words.Locale, BypassCSP = true });
        var page = await context.NewPageAsync();
        var email = MemberJourney.NewEmail();

        await page.GotoAsync(_server!.BaseAddress + "developer");
        Assert.Equal(words.Locale[..2], await page.Locator("html").GetAttributeAsync("lang"));
        await CheckAccessibilityAsync(page, axe);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = words.CreateAccount }).ClickAsync();
        await CheckAccessibilityAsync(page, axe);
        await page.GetByLabel(words.YourName).FillAsync("Ada Lovelace");
        await page.GetByLabel(words.Email).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = words.SendCode }).ClickAsync();
        await CheckAccessibilityAsync(page, axe);
        await page.GetByLabel(words.Code).FillAsync(Outbox.LatestCode(_data, email));
        await page.GetByRole(AriaRole.Button, new() { Name = words.Confirm }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = words.YourApps, Level = 1 })).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page, axe);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = words.RegisterApp }).ClickAsync();
        await CheckAccessibilityAsync(page, axe);

        // Sent empty first: the errors are announced and tied to their fields.
        await page.GetByRole(AriaRole.Button, new() { Name = words.Submit }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(words.NameError);
        await CheckAccessibilityAsync(page, axe);

        await page.GetByLabel(words.AppName).FillAsync("Ada's Health App");
        await page.GetByLabel(words.Confidential, new() { Exact = true }).CheckAsync();
        await page.GetByLabel(words.Redirects).FillAsync("https://ada.example.com/callback\nhttp://127.0.0.1:8765/callback");
        await page.GetByLabel(words.Website).FillAsync("https://ada.example.com/");
        await page.GetByLabel(words.Logo).SetInputFilesAsync(logo);
        await page.GetByRole(AriaRole.Button, new() { Name = words.Submit }).ClickAsync();

        var secretHeading = page.GetByRole(AriaRole.Heading, new() { Name = words.SecretTitle });
        await Assertions.Expect(secretHeading).ToBeVisibleAsync();
        var secret = await page.Locator("#client-secret").TextContentAsync();
        Assert.Equal(43, secret?.Length);
        Assert.Equal(64, await page.Locator("img.app-logo").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(done => { img.onload = () => done(img.naturalWidth); img.onerror = () => done(0); })"));
        await CheckAccessibilityAsync(page, axe);

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada's Health App", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(0, await secretHeading.CountAsync());
        Assert.DoesNotContain(secret!, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret!, _server!.Output, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = words.Edit }).ClickAsync();
        await Assertions.Expect(page.GetByLabel(words.AppName)).ToHaveValueAsync("Ada's Health App");
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

    private sealed record Words(
        string Locale, string CreateAccount, string YourName, string Email, string SendCode, string Code, string Confirm, string YourApps, string RegisterApp,
        string AppName, string Confidential, string Redirects, string Website, string Logo, string Submit, string SecretTitle, string NameError, string Edit);
}
