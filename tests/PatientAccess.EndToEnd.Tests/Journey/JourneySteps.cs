using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.Playwright;

namespace PatientAccess.EndToEnd.Tests.Journey;

/// <summary>
/// What people do on the site, by labels and button names as they read them (English): a
/// developer signs up and registers an app, a member registers and allows or is refused. Every
/// page a step lands on is checked with axe-core (no serious or critical violation).
/// </summary>
internal sealed partial class JourneySteps(string site, string dataDirectory, string axe)
{
    public static readonly string[] JohnAllen = ["John", "Allen", "1950-10-19", "123456789123", "02114"];

    private static readonly string[] IdentityLabels = ["First name", "Last name", "Date of birth", "Member ID", "ZIP code"];

    public static string NewEmail(string who) => who + Guid.NewGuid().ToString("N")[..8] + "@example.com";

    /// <summary>Signs up for a developer account from the portal's home page; ends on "Your apps".</summary>
    public async Task SignUpDeveloperAsync(IPage page, string name, string email)
    {
        await page.GotoAsync(site + "/developer");
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await CheckAsync(page);
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a code" }).ClickAsync();
        await CheckAsync(page);
        await page.GetByLabel("6-digit code").FillAsync(LatestCode(email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your apps", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page);
    }

    /// <summary>Registers an app and copies what its page shows once: client ID, secret, demo authorize URL, verifier.</summary>
    public async Task<RegisteredApp> RegisterAppAsync(IPage page, string name, bool confidential, string redirect, string website)
    {
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Register an app" }).ClickAsync();
        await CheckAsync(page);
        await page.GetByLabel("App name").FillAsync(name);
        await page.GetByLabel(confidential ? "Confidential" : "Public", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Redirect URLs").FillAsync(redirect);
        await page.GetByLabel("Website (optional)").FillAsync(website);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register app" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Sandbox (demo members only)")).ToBeVisibleAsync();
        await CheckAsync(page);

        var secret = confidential ? await page.Locator("#client-secret").TextContentAsync() : null;
        Assert.Equal(confidential, await page.GetByRole(AriaRole.Heading, new() { Name = "Your client secret" }).CountAsync() == 1);
        var authorize = await page.GetByRole(AriaRole.Link, new() { Name = "Open the demo authorize URL" }).GetAttributeAsync("href");
        var verifier = await page.Locator("#code-verifier").TextContentAsync();
        Assert.False(string.IsNullOrEmpty(authorize));
        Assert.False(string.IsNullOrEmpty(verifier));
        var clientId = HttpUtility.ParseQueryString(new Uri(authorize).Query)["client_id"];
        Assert.False(string.IsNullOrEmpty(clientId));
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByText(clientId, new() { Exact = true }).First).ToBeVisibleAsync();
        return new RegisteredApp(clientId, secret, authorize, verifier, redirect);
    }

    /// <summary>From an authorize URL: registers the member with their own e-mail address; ends where the code page sends them.</summary>
    public async Task RegisterMemberAsync(IPage page, string authorizeUrl, string[] identity, string email)
    {
        await page.GotoAsync(authorizeUrl);
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await CheckAsync(page);
        for (var i = 0; i < IdentityLabels.Length; i++)
        {
            await page.GetByLabel(IdentityLabels[i], new() { Exact = true }).FillAsync(identity[i]);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a code" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"We sent a 6-digit code to {email}.")).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByLabel("6-digit code").FillAsync(LatestCode(email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
    }

    /// <summary>On the sharing step: shares nothing sensitive, allows the app and returns where the browser went back to it.</summary>
    public async Task<Uri> AllowAsync(IPage page, string appName, string redirect)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sensitive health information" })).ToBeVisibleAsync();
        await CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Share your records with {appName}?" })).ToBeVisibleAsync();
        await CheckAsync(page);
        var back = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Allow", Exact = true }).ClickAsync(),
            request => request.Url.StartsWith(redirect, StringComparison.Ordinal));
        return new Uri(back.Url);
    }

    /// <summary>Fails the test with every serious or critical axe-core violation on the page.</summary>
    public async Task CheckAsync(IPage page)
    {
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await page.AddScriptTagAsync(new() { Path = axe });
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run()).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, page.Url + "\n" + string.Join('\n', list));
    }

    /// <summary>The code in the newest e-mail to <paramref name="email"/> in the stack's outbox.</summary>
    public string LatestCode(string email)
    {
        var message = Directory.GetFiles(Path.Combine(dataDirectory, "outbox"), "*.eml").Order(StringComparer.Ordinal).Reverse().Select(File.ReadAllText)
            .First(m => m.Contains("\r\nTo: " + email + "\r\n", StringComparison.Ordinal));
        return SixDigits().Match(message[(message.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]).Value;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
