using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

[Collection(MemberTestGroup.Name)]
public sealed class MemberFlowTests(MemberServices stack)
{
    public static TheoryData<string> Backends => AuthBackends.Names;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Authorize_DemoMemberRegistersAndApproves_AppGetsCodeAndToken(string backend)
    {
        var host = await stack.HostAsync(backend);
        var app = new SmartApp(host);
        var requestId = await app.StartAsync();
        using var driver = new MemberDriver(host);
        using (var start = await driver.GetAsync("/member/authorize/" + requestId))
        {
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
            Assert.Contains("Sunrise Health Notes", driver.LastPage, StringComparison.Ordinal);
        }

        Assert.Equal("/member/choose", await MemberJourney.RegisterAsync(driver, host, MemberJourney.JohnAllen, MemberJourney.NewEmail()));
        var redirect = await MemberJourney.ConsentAsync(driver, sensitive: "mental");

        Assert.StartsWith(app.RedirectUri, redirect.AbsoluteUri, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(MemberJourney.Code(redirect)));
        var tokens = await MemberJourney.ExchangeAsync(app, redirect);
        Assert.Equal("demo-john-allen", (string?)tokens["patient"]);
        var claims = new JsonWebToken((string)tokens["access_token"]!);
        Assert.StartsWith("m-", claims.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_FamilySubscriberChoosesChild_TokenIsForTheChild()
    {
        var host = await stack.HostAsync();
        var app = new SmartApp(host);
        using var driver = new MemberDriver(host);
        using (await driver.GetAsync("/member/authorize/" + await app.StartAsync()))
        {
            Assert.Equal("/member/choose", await MemberJourney.RegisterAsync(driver, host, MemberJourney.JoseRivera, MemberJourney.NewEmail()));
        }

        using (await driver.GetAsync("/member/choose"))
        {
            Assert.Contains("Sofía Rivera", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("Mateo Rivera", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("María Rivera", driver.LastPage, StringComparison.Ordinal);
        }

        var redirect = await MemberJourney.ConsentAsync(driver, member: "family-rivera-child1");
        var tokens = await MemberJourney.ExchangeAsync(app, redirect);
        Assert.Equal("family-rivera-child1", (string?)tokens["patient"]);
    }

    [Fact]
    public async Task Choose_MemberNotOnTheAccount_Refused()
    {
        var host = await stack.HostAsync();
        var app = new SmartApp(host);
        using var driver = new MemberDriver(host);
        using (await driver.GetAsync("/member/authorize/" + await app.StartAsync()))
        {
            await MemberJourney.RegisterAsync(driver, host, MemberJourney.JoseRivera, MemberJourney.NewEmail());
        }

        using (await driver.GetAsync("/member/choose"))
        {
            using var chosen = await driver.PostAsync("/member/choose", [KeyValuePair.Create("member", "demo-john-allen")]);
            Assert.Equal(HttpStatusCode.BadRequest, chosen.StatusCode);
            Assert.Contains("role=\"alert\"", driver.LastPage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Approve_MemberDeclines_AppGetsAccessDenied()
    {
        var host = await stack.HostAsync();
        var app = new SmartApp(host);
        using var driver = new MemberDriver(host);
        using (await driver.GetAsync("/member/authorize/" + await app.StartAsync()))
        {
            await MemberJourney.RegisterAsync(driver, host, MemberJourney.JohnAllen, MemberJourney.NewEmail());
        }

        var redirect = await MemberJourney.ConsentAsync(driver, decision: "deny");
        var query = QueryHelpers.ParseQuery(redirect.Query);
        Assert.Equal("access_denied", query["error"].ToString());
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task SignIn_ReturningMember_ConnectedAppsListsAndRevokes()
    {
        var host = await stack.HostAsync();
        var app = new SmartApp(host);
        var email = MemberJourney.NewEmail();
        using (var first = new MemberDriver(host))
        {
            using (await first.GetAsync("/member/authorize/" + await app.StartAsync()))
            {
                await MemberJourney.RegisterAsync(first, host, MemberJourney.JohnAllen, email);
            }

            await MemberJourney.ExchangeAsync(app, await MemberJourney.ConsentAsync(first));
        }

        using var later = new MemberDriver(host);
        Assert.Equal("/member/apps", await MemberJourney.SignInAsync(later, host, email));
        using (await later.GetAsync("/member/apps"))
        {
            Assert.Contains("Sunrise Health Notes", later.LastPage, StringComparison.Ordinal);
        }

        var grantId = System.Text.RegularExpressions.Regex.Match(later.LastPage, "name=\"grant\" value=\"([^\"]+)\"").Groups[1].Value;
        using var revoked = await later.PostAsync("/member/apps/revoke", [KeyValuePair.Create("grant", grantId)]);
        Assert.StartsWith("/member/apps?revoked=", MemberDriver.LocationOf(revoked), StringComparison.Ordinal);
        using (await later.GetAsync(MemberDriver.LocationOf(revoked)))
        {
            Assert.Contains("role=\"status\"", later.LastPage, StringComparison.Ordinal);
        }

        var account = System.Text.RegularExpressions.Regex.IsMatch(later.LastPage, "name=\"grant\"");
        Assert.False(account);
    }

    [Fact]
    public async Task Register_RealMemberAlreadyRegistered_ToldToSignIn()
    {
        var host = await stack.HostAsync();
        var real = await MemberJourney.RealMemberAsync(stack.Store);
        using (var first = new MemberDriver(host))
        {
            await MemberJourney.RegisterAsync(first, host, real, MemberJourney.NewEmail());
        }

        using var second = new MemberDriver(host);
        using var again = await second.SubmitAsync("/member/register", real);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("This member already has an account. Sign in with its e-mail address instead.", second.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_AcceptLanguageSpanish_RenderedInSpanishWithSwitch()
    {
        var host = await stack.HostAsync();
        var app = new SmartApp(host);
        using var driver = new MemberDriver(host, "es-MX,es;q=0.9,en;q=0.5");
        using (await driver.GetAsync("/member/authorize/" + await app.StartAsync()))
        {
            Assert.Contains("<html lang=\"es\">", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("Conectar Sunrise Health Notes con su plan de salud", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("hreflang=\"en\"", driver.LastPage, StringComparison.Ordinal);
        }

        using var switched = await driver.GetAsync("/member/language?to=en&return=%2Fmember%2Fregister");
        Assert.Equal("/member/register", switched.Headers.Location!.OriginalString);
        using (await driver.GetAsync("/member/register"))
        {
            Assert.Contains("<html lang=\"en\">", driver.LastPage, StringComparison.Ordinal);
        }

        using var offsite = await driver.GetAsync("/member/language?to=en&return=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/member", offsite.Headers.Location!.OriginalString);
    }
}
