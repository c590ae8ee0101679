using System.Web;
using Microsoft.Playwright;
using PatientAccess.AuthServer.Tests.Browser;
using PatientAccess.EndToEnd.Tests.Foundation;

namespace PatientAccess.EndToEnd.Tests.Journey;

/// <summary>
/// Issue 14, end to end: one ./run.sh stack and one real Chromium, everything a person does done
/// through the pages by labels and button names, axe-core on every page visited. A new developer
/// signs up, registers an app, authorizes the demo member John Allen through the member auth app
/// and reads his claims through the gateway; a real member is refused by the sandbox app; a second
/// developer registers John Allen with their own e-mail address and gets their own grant; the first
/// developer requests production access with a qualifying attestation, a reviewer approves it with
/// the staff key, the app is in the gallery and a real member connects it.
/// The registered redirect URLs are not served: the browser's visit to them is answered by
/// Playwright's routing and read there, as the app's server would read it.
/// </summary>
public sealed class NewDeveloperJourneyTests : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _data = Path.Combine(Directory.CreateTempSubdirectory("pa-journey-").FullName, ".data");
    private RunScript? _run;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        _run = new RunScript(_data);
        Assert.True(await _run.WaitForOutputAsync("Press Ctrl-C to stop.", TimeSpan.FromMinutes(5)), _run.Output);
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
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }

        Directory.Delete(Path.GetDirectoryName(_data)!, recursive: true);
    }

    [Fact]
    public async Task NewDeveloper_SandboxToProduction_DemoClaimsRealMemberRefusedThenConnectedJohnAllenForEveryone()
    {
        var site = $"http://localhost:{_run!.Ports["PA_AUTHSERVER_PORT"]}";
        var steps = new JourneySteps(site, _data, await AxeCore.ScriptPathAsync());
        using var backend = new AppBackend(site, $"http://localhost:{_run.Ports["PA_GATEWAY_PORT"]}");

        // Ada: signs up, registers a confidential app, connects John Allen, reads his claims.
        const string adaRedirect = "https://ada-health.example/callback";
        await using var ada = await NewPersonAsync(adaRedirect);
        var adaPage = await ada.NewPageAsync();
        await steps.SignUpDeveloperAsync(adaPage, "Ada Lovelace", JourneySteps.NewEmail("ada"));
        var adaApp = await steps.RegisterAppAsync(adaPage, "Ada's Health App", confidential: true, adaRedirect, "https://ada-health.example/");
        Assert.Equal(43, adaApp.Secret?.Length);

        await using var adaAsMember = await NewPersonAsync(adaRedirect);
        var memberPage = await adaAsMember.NewPageAsync();
        await steps.RegisterMemberAsync(memberPage, adaApp.AuthorizeUrl, JourneySteps.JohnAllen, JourneySteps.NewEmail("ada-john"));
        var adaTokens = await backend.ExchangeAsync(adaApp, await steps.AllowAsync(memberPage, "Ada's Health App", adaRedirect));
        Assert.Equal("demo-john-allen", (string?)adaTokens["patient"]);
        await backend.ReadClaimsAsync(adaTokens);

        // The successful demo exchange is the app's evidence, on its page in the portal.
        await adaPage.ReloadAsync();
        await Assertions.Expect(adaPage.GetByRole(AriaRole.Heading, new() { Name = "Evidence of demo testing" })).ToBeVisibleAsync();
        await Assertions.Expect(adaPage.GetByText("None yet")).ToHaveCountAsync(0);
        await steps.CheckAsync(adaPage);

        // A real member cannot connect the sandbox app: refused after proving who they are, sent back with access_denied.
        var real = await SeededMembers.RealMemberAsync(_data, _run.Ports["PA_FHIRSTORE_PORT"]);
        await using var realMember = await NewPersonAsync(adaRedirect);
        var realPage = await realMember.NewPageAsync();
        await steps.RegisterMemberAsync(realPage, adaApp.AuthorizeUrl, real.Identity, JourneySteps.NewEmail("real"));
        await Assertions.Expect(realPage.GetByRole(AriaRole.Heading, new() { Name = "This app cannot connect yet", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(realPage.GetByText("Ada's Health App is still being tested")).ToBeVisibleAsync();
        await steps.CheckAsync(realPage);
        var refused = await realPage.RunAndWaitForRequestAsync(
            () => realPage.GetByRole(AriaRole.Button, new() { Name = "Return to the app" }).ClickAsync(),
            request => request.Url.StartsWith(adaRedirect, StringComparison.Ordinal));
        var answer = HttpUtility.ParseQueryString(new Uri(refused.Url).Query);
        Assert.Equal("access_denied", answer["error"]);
        Assert.Null(answer["code"]);

        // Bo: a second developer with a public app registers John Allen too, with their own e-mail, and gets their own grant.
        const string boRedirect = "http://127.0.0.1:8765/bo/callback";
        await using var bo = await NewPersonAsync(boRedirect);
        var boPage = await bo.NewPageAsync();
        await steps.SignUpDeveloperAsync(boPage, "Bo Chen", JourneySteps.NewEmail("bo"));
        var boApp = await steps.RegisterAppAsync(boPage, "Bo's Claims Viewer", confidential: false, boRedirect, "https://bo-claims.example/");
        Assert.Null(boApp.Secret);
        await using var boAsMember = await NewPersonAsync(boRedirect);
        var boMemberPage = await boAsMember.NewPageAsync();
        await steps.RegisterMemberAsync(boMemberPage, boApp.AuthorizeUrl, JourneySteps.JohnAllen, JourneySteps.NewEmail("bo-john"));
        var boTokens = await backend.ExchangeAsync(boApp, await steps.AllowAsync(boMemberPage, "Bo's Claims Viewer", boRedirect));
        Assert.Equal("demo-john-allen", (string?)boTokens["patient"]);
        Assert.NotEqual((string?)adaTokens["access_token"], (string?)boTokens["access_token"]);
        await backend.ReadClaimsAsync(boTokens);

        // Each registration is its own account: Bo's John Allen sees only Bo's app among his connected apps.
        await boMemberPage.GotoAsync(site + "/member/apps");
        await Assertions.Expect(boMemberPage.GetByRole(AriaRole.Heading, new() { Name = "Bo's Claims Viewer" })).ToBeVisibleAsync();
        await Assertions.Expect(boMemberPage.GetByRole(AriaRole.Heading, new() { Name = "Ada's Health App" })).ToHaveCountAsync(0);
        await steps.CheckAsync(boMemberPage);

        // Ada asks for production access with a qualifying attestation; a plan reviewer approves it with the staff key.
        var production = new ProductionSteps(site, steps);
        await adaPage.GotoAsync($"{site}/developer/clients/{adaApp.ClientId}");
        await production.RequestAsync(adaPage, "Ada's Health App", "https://ada-health.example/");
        await using var reviewer = await NewPersonAsync(adaRedirect);
        var reviewerPage = await reviewer.NewPageAsync();
        var staffKey = (await File.ReadAllTextAsync(Path.Combine(_data, "secrets", "staff.key"), TestContext.Current.CancellationToken)).Trim();
        await production.ApproveAsync(reviewerPage, staffKey, adaApp.ClientId);

        // The developer sees the app in production; anyone sees it in the gallery.
        await adaPage.GotoAsync($"{site}/developer/clients/{adaApp.ClientId}");
        await Assertions.Expect(adaPage.GetByRole(AriaRole.Main).GetByText("Production", new() { Exact = true })).ToBeVisibleAsync();
        await using var visitor = await NewPersonAsync(adaRedirect);
        await production.ExpectInGalleryAsync(await visitor.NewPageAsync(), "Ada's Health App", "https://ada-health.example/");

        // Now a real member connects the production app, and the app reads that member's claims (and only theirs).
        var another = await SeededMembers.RealMemberAsync(_data, _run.Ports["PA_FHIRSTORE_PORT"], skip: 1);
        await using var realLater = await NewPersonAsync(adaRedirect);
        var realLaterPage = await realLater.NewPageAsync();
        await steps.RegisterMemberAsync(realLaterPage, adaApp.AuthorizeUrl, another.Identity, JourneySteps.NewEmail("real2"));
        var realTokens = await backend.ExchangeAsync(adaApp, await steps.AllowAsync(realLaterPage, "Ada's Health App", adaRedirect));
        Assert.Equal(another.Id, (string?)realTokens["patient"]);
        await backend.ReadClaimsAsync(realTokens);
    }

    /// <summary>A fresh browser profile (a person of their own), whose visits to the app's redirect URL the app answers.</summary>
    private async Task<IBrowserContext> NewPersonAsync(string redirect)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BypassCSP = true });
        await context.RouteAsync(
            url => url.StartsWith(redirect, StringComparison.Ordinal),
            route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!doctype html><html lang=\"en\"><title>App</title><h1>Signed in</h1></html>" }));
        return context;
    }
}
