using System.Globalization;
using Microsoft.Playwright;
using PatientAccess.AuthServer.Tests.Integration.Production;

namespace PatientAccess.EndToEnd.Tests.Journey;

/// <summary>
/// Issue 14's road to production, by labels (English): the developer requests production access
/// with a qualifying attestation (no certification, so every other question answered Yes), a plan
/// reviewer signs in with the staff key and approves with a reason, and anyone sees the app in
/// the gallery. axe-core checks every page on the way.
/// </summary>
internal sealed class ProductionSteps(string site, JourneySteps steps)
{
    private static readonly string[] Questions =
    [
        "Does your organization hold a current HITRUST or SOC 2 Type II certification?",
        "Will you notify users promptly if their data is breached?",
        "Do you encrypt data in transit and at rest?",
        "Do you test your app's security regularly and fix what you find promptly?",
        "Does your app follow the OWASP Top 10?",
        "Do you ask users' permission before sharing or selling their data?",
        "Do you delete a user's data when they revoke the app's access?",
        "Is data used, accessed and transferred only in the USA?",
        "Do you require strong passwords or multi-factor authentication?",
        "Does your app meet ADA accessibility requirements?",
    ];

    /// <summary>From the app's page in the portal: fills and sends the production request; ends on the "waiting for review" notice.</summary>
    public async Task RequestAsync(IPage page, string appName, string website)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Request production access" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Request production access for {appName}", Level = 1 })).ToBeVisibleAsync();
        await steps.CheckAsync(page);
        await Field(page, "Company").FillAsync(appName + " Inc.");
        await Field(page, "Description").FillAsync("Shows a member's claims and what they paid in one timeline.");
        await Field(page, "Purpose and the people the app serves").FillAsync("Helps members keep track of their care and costs.");
        await Group(page, "Who are your customers?").GetByLabel("Consumers").CheckAsync();
        await Field(page, "What consumers pay").FillAsync("Free");
        await Field(page, "Terms of service URL").FillAsync(website + "terms");
        await Field(page, "Privacy policy URL").FillAsync(website + "privacy");
        await Field(page, "Square logo").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = TestImages.Png(128, 128) });
        await Field(page, "Support e-mail for users").FillAsync("support@" + new Uri(website).Host);
        await Field(page, "Security contact e-mail").FillAsync("security@" + new Uri(website).Host);
        await Group(page, "Do you have a test instance of the app the plan can use?").GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Group(page, "May the plan share your attestation answers and contacts with its customers?").GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Group(page, "Which plans is this request for?").GetByLabel("All plans").CheckAsync();
        for (var q = 0; q < Questions.Length; q++)
        {
            var legend = string.Create(CultureInfo.InvariantCulture, $"{q + 1}. {Questions[q]}");
            await Group(page, legend).GetByLabel(q == 0 ? "No" : "Yes", new() { Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("waiting for review by the plan");
        await steps.CheckAsync(page);
    }

    /// <summary>A reviewer signs in at /staff with the key ./run.sh made, opens the app's request and approves it with a reason.</summary>
    public async Task ApproveAsync(IPage page, string staffKey, string clientId)
    {
        await page.GotoAsync(site + "/staff/signin");
        await steps.CheckAsync(page);
        await page.GetByLabel("Staff key").FillAsync(staffKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Production requests", Level = 1 })).ToBeVisibleAsync();
        await steps.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = clientId }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demo testing" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No successful token exchanges for demo members yet.")).ToHaveCountAsync(0);
        await steps.CheckAsync(page);
        await page.GetByLabel("Reason").FillAsync("Qualifying attestation; demo testing seen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The request was approved");
        await steps.CheckAsync(page);
    }

    /// <summary>The gallery, as anyone opens it: the app's card with its privacy policy link.</summary>
    public async Task ExpectInGalleryAsync(IPage page, string appName, string website)
    {
        await page.GotoAsync(site + "/gallery");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "App gallery", Level = 1 })).ToBeVisibleAsync();
        var card = page.Locator("li.card", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = appName, Exact = true }) });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Privacy policy", Exact = true })).ToHaveAttributeAsync("href", website + "privacy");
        await steps.CheckAsync(page);
    }

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    private static ILocator Group(IPage page, string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
}
