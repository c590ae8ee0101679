using System.Net;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>Issue 14's member-page defects, as a member meets them, in both languages.</summary>
[Collection(MemberTestGroup.Name)]
public sealed class MemberPageDefectTests(MemberServices stack)
{
    public static TheoryData<string> Backends => AuthBackends.Names;

    [Theory]
    [InlineData("en", "We could not find a member with these details.")]
    [InlineData("es", "No encontramos a ningún miembro con estos datos.")]
    public async Task Register_WrongZip_GenericErrorAtTheFormNotAtAField(string language, string expected)
    {
        var host = await stack.HostAsync();
        using var driver = new MemberDriver(host, language);
        using var wrongZip = await driver.SubmitAsync("/member/register", [.. MemberJourney.JohnAllen.Where(f => f.Item1 != "zip"), ("zip", "90210")]);
        var wrongZipPage = driver.LastPage;
        using var wrongName = await driver.SubmitAsync("/member/register", [.. MemberJourney.JohnAllen.Where(f => f.Item1 != "first_name"), ("first_name", "Jane")]);

        Assert.Equal(HttpStatusCode.BadRequest, wrongZip.StatusCode);
        Assert.Contains("class=\"error-summary\"", wrongZipPage, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#identity-details\">{expected}", wrongZipPage, StringComparison.Ordinal);
        Assert.Contains("<p id=\"identity-details\" tabindex=\"-1\">", wrongZipPage, StringComparison.Ordinal);

        // No field is marked, so the page says nothing about which detail was wrong: a wrong ZIP and a wrong name read alike.
        Assert.DoesNotContain("aria-invalid", wrongZipPage, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"error\"", wrongZipPage, StringComparison.Ordinal);
        Assert.Equal(Strip(wrongZipPage), Strip(driver.LastPage).Replace("value=\"Jane\"", "value=\"john\"", StringComparison.Ordinal).Replace("value=\"02114\"", "value=\"90210\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "We sent a 6-digit code to {0}.", "If {0} has an account, we sent it a 6-digit code.")]
    [InlineData("es", "Enviamos un código de 6 dígitos a {0}.", "Si {0} tiene una cuenta, le enviamos un código de 6 dígitos.")]
    public async Task CodePage_RightAfterRegistering_SaysPlainlyTheCodeWasSent(string language, string registered, string signIn)
    {
        var host = await stack.HostAsync();
        var email = MemberJourney.NewEmail();
        using var driver = new MemberDriver(host, language);
        using (await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen))
        using (await driver.SubmitAsync("/member/email", ("email", email)))
        using (await driver.GetAsync("/member/code"))
        {
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, registered, email), driver.LastPage, StringComparison.Ordinal);
        }

        using (await driver.SubmitAsync("/member/code", ("code", Outbox.LatestCode(host.DataDirectory, email))))
        {
        }

        // Signing in still never says whether the address has an account.
        using var later = new MemberDriver(host, language);
        using (await later.SubmitAsync("/member/signin", ("email", email)))
        using (await later.GetAsync("/member/code"))
        {
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, signIn, email), later.LastPage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en", "month/day/year, for example 10/19/1950")]
    [InlineData("es", "mes/día/año, por ejemplo 10/19/1950")]
    public async Task RegisterPage_DateHint_MatchesWhatTheDateFieldShows(string language, string expected)
    {
        var host = await stack.HostAsync();
        using var driver = new MemberDriver(host, language);
        using (await driver.GetAsync("/member/register"))
        {
            Assert.Contains("type=\"date\"", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains(expected, driver.LastPage, StringComparison.Ordinal);
            Assert.DoesNotContain("1950-10-19", driver.LastPage, StringComparison.Ordinal);
        }

        // A browser without a date field posts what was typed the way the hint shows it.
        using var typed = await driver.SubmitAsync("/member/register", [.. MemberJourney.JohnAllen.Where(f => f.Item1 != "birth_date"), ("birth_date", "10/19/1950")]);
        Assert.Equal("/member/email", MemberDriver.LocationOf(typed));
    }

    [Theory]
    [InlineData(AuthBackends.Sqlite, "en", "Mental health", "What it can see:")]
    [InlineData(AuthBackends.PostgreSql, "es", "Salud mental", "Lo que puede ver:")]
    public async Task ConnectedApps_SharedSensitiveCategory_ListedAndSentencesKeptWhole(string backend, string language, string category, string sees)
    {
        var host = await stack.HostAsync(backend);
        var app = new SmartApp(host);
        using var driver = new MemberDriver(host, language);
        using (await driver.GetAsync("/member/authorize/" + await app.StartAsync()))
        {
            await MemberJourney.RegisterAsync(driver, host, MemberJourney.JohnAllen, MemberJourney.NewEmail());
        }

        await MemberJourney.ConsentAsync(driver, sensitive: "mental");
        using (await driver.GetAsync("/member/apps"))
        {
            Assert.Contains($"<li>{category}</li>", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains(sees, driver.LastPage, StringComparison.Ordinal);
            Assert.DoesNotContain(".;", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("src=\"/member/assets/app-sunrise-health-notes.png\"", driver.LastPage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en", "Your connected apps", "App gallery", "Developer portal")]
    [InlineData("es", "Sus aplicaciones conectadas", "Galería de aplicaciones", "Portal para desarrolladores")]
    public async Task Landing_Root_LinksPortalGalleryAndConnectedApps(string language, string apps, string gallery, string developer)
    {
        var host = await stack.HostAsync();
        using var driver = new MemberDriver(host, language);
        using var response = await driver.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\">", driver.LastPage, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/member/apps\">{apps}</a>", driver.LastPage, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/gallery\">{gallery}</a>", driver.LastPage, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/developer\">{developer}</a>", driver.LastPage, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>The page without its antiforgery token, which differs on every render.</summary>
    private static string Strip(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "name=\"__csrf\" value=\"[^\"]*\"", string.Empty);
}
