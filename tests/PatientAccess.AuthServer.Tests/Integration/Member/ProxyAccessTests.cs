using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>
/// Issue 12 item 4: the Rivera subscriber may share his own and his minor children's records, not
/// his adult spouse's, and may opt no one else in to a sensitive category unless the plan allows
/// it; checked on every step's GET and POST, whatever the form says.
/// </summary>
[Collection(MemberTestGroup.Name)]
public sealed class ProxyAccessTests(MemberServices stack)
{
    private const string Spouse = "family-rivera-spouse";
    private const string Child = "family-rivera-child1";

    [Fact]
    public async Task Choose_RiveraSubscriber_AdultSpouseNotOfferedAndReasonShown()
    {
        var (_, _, driver) = await SignedInRiveraAsync();
        using var choose = await driver.GetAsync("/member/choose");
        Assert.Equal(HttpStatusCode.OK, choose.StatusCode);
        Assert.DoesNotContain($"value=\"{Spouse}\"", driver.LastPage, StringComparison.Ordinal);
        Assert.Contains("María Rivera is 18 or older; they can connect apps from their own account.", driver.LastPage, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Child}\"", driver.LastPage, StringComparison.Ordinal);
        Assert.Contains("value=\"family-rivera-child2\"", driver.LastPage, StringComparison.Ordinal);
        Assert.Contains("value=\"family-rivera-subscriber\"", driver.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choose_ForgedSpouseValue_RefusedAndNothingChosen()
    {
        var (host, _, driver) = await SignedInRiveraAsync();
        using (await driver.GetAsync("/member/choose"))
        {
            using var forged = await driver.PostAsync("/member/choose", [KeyValuePair.Create("member", Spouse)]);
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Contains("role=\"alert\"", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("María Rivera is 18 or older", driver.LastPage, StringComparison.Ordinal);
        }

        using var sharing = await driver.GetAsync("/member/sharing");
        Assert.Equal(HttpStatusCode.BadRequest, sharing.StatusCode);
        Assert.Contains("authserver_member_proxy_refused_total{step=\"choose\"} 1\n", await CodeSendLimitTests.MetricsAsync(host), StringComparison.Ordinal);
        using var approve = await driver.PostAsync("/member/approve", [KeyValuePair.Create("decision", "allow")]);
        Assert.NotEqual(HttpStatusCode.SeeOther, approve.StatusCode);
    }

    [Fact]
    public async Task Sharing_MinorChildByDefault_NoSensitiveBoxAndForgedOptInRefused()
    {
        var (_, app, driver) = await SignedInRiveraAsync();
        using (await driver.GetAsync("/member/choose"))
        using (var chosen = await driver.PostAsync("/member/choose", [KeyValuePair.Create("member", Child)]))
        {
            Assert.Equal("/member/sharing", MemberDriver.LocationOf(chosen));
        }

        using (await driver.GetAsync("/member/sharing"))
        {
            Assert.DoesNotContain("type=\"checkbox\"", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("A parent or guardian cannot share these kinds of records for Sofía Rivera.", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("Substance use disorder treatment", driver.LastPage, StringComparison.Ordinal);
        }

        foreach (var category in new[] { "sud", "mental", "hiv", "sexual", "genetic" })
        {
            using var forged = await driver.PostAsync("/member/sharing", [KeyValuePair.Create(category, "yes")]);
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Contains("You cannot share these kinds of records for Sofía Rivera.", driver.LastPage, StringComparison.Ordinal);
        }

        using (var approve = await driver.GetAsync("/member/approve"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, approve.StatusCode);
        }

        using (var shared = await driver.SubmitAsync("/member/sharing"))
        {
            Assert.Equal("/member/approve", MemberDriver.LocationOf(shared));
        }

        using var approved = await driver.SubmitAsync("/member/approve", ("decision", "allow"));
        var tokens = await MemberJourney.ExchangeAsync(app, new Uri(MemberDriver.LocationOf(approved)));
        Assert.Equal(Child, (string?)tokens["patient"]);
    }

    [Fact]
    public async Task Sharing_MinorChildWhenPlanAllowsACategory_OnlyThatOneOffered()
    {
        var (_, _, driver) = await SignedInRiveraAsync(new Dictionary<string, string?> { ["ProxyAccess:ProxyMayShareSensitive:0"] = "GDIS" });
        using (await driver.GetAsync("/member/choose"))
        using (await driver.PostAsync("/member/choose", [KeyValuePair.Create("member", Child)]))
        {
        }

        using (await driver.GetAsync("/member/sharing"))
        {
            Assert.Contains("name=\"genetic\"", driver.LastPage, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"mental\"", driver.LastPage, StringComparison.Ordinal);
        }

        using (var refused = await driver.PostAsync("/member/sharing", [KeyValuePair.Create("genetic", "yes"), KeyValuePair.Create("hiv", "yes")]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var shared = await driver.PostAsync("/member/sharing", [KeyValuePair.Create("genetic", "yes")]))
        {
            Assert.Equal("/member/approve", MemberDriver.LocationOf(shared));
        }

        using (await driver.GetAsync("/member/approve"))
        {
            Assert.Contains("You also chose to share these sensitive records:", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("<li>Genetic testing</li>", driver.LastPage, StringComparison.Ordinal);
        }

        using var approved = await driver.PostAsync("/member/approve", [KeyValuePair.Create("decision", "allow")]);
        Assert.Contains("code=", MemberDriver.LocationOf(approved), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sharing_OwnRecords_EveryCategoryOffered()
    {
        var (_, _, driver) = await SignedInRiveraAsync();
        using (await driver.GetAsync("/member/choose"))
        using (await driver.PostAsync("/member/choose", [KeyValuePair.Create("member", "family-rivera-subscriber")]))
        {
        }

        using (await driver.GetAsync("/member/sharing"))
        {
            foreach (var category in new[] { "sud", "mental", "hiv", "sexual", "genetic" })
            {
                Assert.Contains($"name=\"{category}\"", driver.LastPage, StringComparison.Ordinal);
            }
        }

        using var shared = await driver.PostAsync("/member/sharing", [KeyValuePair.Create("sud", "yes"), KeyValuePair.Create("hiv", "yes")]);
        Assert.Equal("/member/approve", MemberDriver.LocationOf(shared));
    }

    [Theory]
    [InlineData("2031-02-26T23:00:00Z", true)]
    [InlineData("2031-02-27T00:00:01Z", false)]
    public async Task Choose_ChildTurning18_OfferedUntilTheBirthday(string now, bool offered)
    {
        var (_, _, driver) = await SignedInRiveraAsync(at: DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        using (await driver.GetAsync("/member/choose"))
        {
            Assert.Equal(offered, driver.LastPage.Contains($"value=\"{Child}\"", StringComparison.Ordinal));
            Assert.Equal(!offered, driver.LastPage.Contains("Sofía Rivera is 18 or older", StringComparison.Ordinal));
            using var chosen = await driver.PostAsync("/member/choose", [KeyValuePair.Create("member", Child)]);
            Assert.Equal(offered ? HttpStatusCode.SeeOther : HttpStatusCode.Forbidden, chosen.StatusCode);
        }
    }

    [Fact]
    public async Task Approve_ChildTurned18SinceTheChoice_Refused()
    {
        var (host, _, driver) = await SignedInRiveraAsync(at: new DateTimeOffset(2031, 2, 26, 23, 55, 0, TimeSpan.Zero));
        using (await driver.GetAsync("/member/choose"))
        using (await driver.PostAsync("/member/choose", [KeyValuePair.Create("member", Child)]))
        using (var shared = await driver.SubmitAsync("/member/sharing"))
        {
            Assert.Equal("/member/approve", MemberDriver.LocationOf(shared));
        }

        using (await driver.GetAsync("/member/approve"))
        {
            host.Clock.Advance(TimeSpan.FromMinutes(6));
            using var approve = await driver.PostAsync("/member/approve", [KeyValuePair.Create("decision", "allow")]);
            Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
            Assert.Contains("Sofía Rivera is 18 or older", driver.LastPage, StringComparison.Ordinal);
        }

        // The way back to the app still works: it gets access_denied, never a code.
        using var back = await driver.PostAsync("/member/approve", [KeyValuePair.Create("decision", "deny")]);
        Assert.Equal("access_denied", QueryHelpers.ParseQuery(new Uri(MemberDriver.LocationOf(back)).Query)["error"].ToString());
    }

    [Fact]
    public async Task Choose_Spanish_ReasonInSpanish()
    {
        var (_, _, driver) = await SignedInRiveraAsync(language: "es-MX,es;q=0.9");
        using (await driver.GetAsync("/member/choose"))
        {
            Assert.Contains("<html lang=\"es\">", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("María Rivera tiene 18 años o más; puede conectar aplicaciones desde su propia cuenta.", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("Quién no se puede elegir aquí", driver.LastPage, StringComparison.Ordinal);
        }

        using (await driver.PostAsync("/member/choose", [KeyValuePair.Create("member", Child)]))
        using (await driver.GetAsync("/member/sharing"))
        {
            Assert.Contains("Un padre, madre o tutor no puede compartir estos tipos de registros de Sofía Rivera.", driver.LastPage, StringComparison.Ordinal);
        }
    }

    /// <summary>José Rivera registered and signed in while connecting the demo app; the clock optionally set first.</summary>
    private async Task<(AuthServerHost Host, SmartApp App, MemberDriver Driver)> SignedInRiveraAsync(
        IDictionary<string, string?>? extra = null, DateTimeOffset? at = null, string? language = null)
    {
        var host = await stack.HostAsync(extra: extra);
        if (at is { } pinned)
        {
            host.Clock.Advance(pinned - host.Clock.GetUtcNow());
        }

        var app = new SmartApp(host);
        var driver = new MemberDriver(host, language);
        using (await driver.GetAsync("/member/authorize/" + await app.StartAsync()))
        {
            Assert.Equal("/member/choose", await MemberJourney.RegisterAsync(driver, host, MemberJourney.JoseRivera, MemberJourney.NewEmail()));
        }

        return (host, app, driver);
    }
}
