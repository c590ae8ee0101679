using System.Net;
using System.Text.RegularExpressions;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>
/// Issue 14: every developer registers the demo member John Allen with an address of their own and
/// gets grants of their own; a real member still has exactly one account, also when two people
/// register them at the same moment.
/// </summary>
[Collection(MemberTestGroup.Name)]
public sealed partial class DemoAccountTests(MemberServices stack)
{
    public static TheoryData<string> Backends => AuthBackends.Names;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Register_DemoMemberByTwoDevelopers_EachSeesAndRevokesOnlyTheirOwnGrant(string backend)
    {
        var host = await stack.HostAsync(backend);
        var app = new SmartApp(host);
        using var first = new MemberDriver(host);
        using var second = new MemberDriver(host);
        foreach (var driver in new[] { first, second })
        {
            using (await driver.GetAsync("/member/authorize/" + await app.StartAsync()))
            {
                Assert.Equal("/member/choose", await MemberJourney.RegisterAsync(driver, host, MemberJourney.JohnAllen, MemberJourney.NewEmail()));
            }

            var tokens = await MemberJourney.ExchangeAsync(app, await MemberJourney.ConsentAsync(driver));
            Assert.Equal("demo-john-allen", (string?)tokens["patient"]);
        }

        using (await first.GetAsync("/member/apps"))
        {
        }

        using (await second.GetAsync("/member/apps"))
        {
        }

        var firstGrants = Grants(first.LastPage);
        var secondGrants = Grants(second.LastPage);
        Assert.Single(firstGrants);
        Assert.Single(secondGrants);
        Assert.NotEqual(firstGrants[0], secondGrants[0]);

        // The first developer posts the second one's grant id: nothing is revoked, and it stays listed for its owner.
        using (var forged = await first.PostAsync("/member/apps/revoke", [KeyValuePair.Create("grant", secondGrants[0])]))
        {
            Assert.Equal("/member/apps", MemberDriver.LocationOf(forged));
        }

        using (await second.GetAsync("/member/apps"))
        {
            Assert.Equal(secondGrants, Grants(second.LastPage));
        }

        var accounts = host.Service<MemberAccounts>();
        Assert.False(await accounts.IsRegisteredAsync("demo-john-allen", TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Register_DemoMemberAgainWithTheSameAddress_SignsIntoThatAccount(string backend)
    {
        var host = await stack.HostAsync(backend);
        var email = MemberJourney.NewEmail();
        using (var first = new MemberDriver(host))
        {
            Assert.Equal("/member/apps", await MemberJourney.RegisterAsync(first, host, MemberJourney.JohnAllen, email));
        }

        using var again = new MemberDriver(host);
        Assert.Equal("/member/apps", await MemberJourney.RegisterAsync(again, host, MemberJourney.JohnAllen, email));
        var account = await host.Service<MemberAccounts>().FindByEmailAsync(email, TestContext.Current.CancellationToken);
        Assert.Equal("demo-john-allen", account!.PatientId);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Register_RealMemberByTwoPeopleAtOnce_OneAccountAndTheOtherToldToSignIn(string backend)
    {
        var host = await stack.HostAsync(backend);
        var real = await MemberJourney.RealMemberAsync(stack.Store);
        using var first = new MemberDriver(host);
        using var second = new MemberDriver(host);
        var emails = new[] { MemberJourney.NewEmail(), MemberJourney.NewEmail() };
        var drivers = new[] { first, second };

        // Both prove the identity before either has an account, and both get to the code page.
        for (var i = 0; i < 2; i++)
        {
            using var verified = await drivers[i].SubmitAsync("/member/register", real);
            Assert.Equal("/member/email", MemberDriver.LocationOf(verified));
            using var sent = await drivers[i].SubmitAsync("/member/email", ("email", emails[i]));
            Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
            using (await drivers[i].GetAsync("/member/code"))
            {
            }
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            drivers[i].PostAsync("/member/code", [KeyValuePair.Create("code", Outbox.LatestCode(host.DataDirectory, emails[i]))])));
        try
        {
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.SeeOther);
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.BadRequest);
            var refused = drivers[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.BadRequest)];
            Assert.Contains("This member already has an account. Sign in with its e-mail address instead.", refused.LastPage, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task CreateAsync_ManyAtOnce_RealMemberGetsOneAccountDemoMemberOneEach(string backend)
    {
        var host = await stack.HostAsync(backend);
        var accounts = host.Service<MemberAccounts>();
        var real = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => accounts.CreateAsync(MemberJourney.NewEmail(), "real-patient-1", CancellationToken.None)));
        var demo = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => accounts.CreateAsync(MemberJourney.NewEmail(), "demo-john-allen", CancellationToken.None)));

        Assert.Single(real, a => a is not null);
        Assert.All(demo, a => Assert.NotNull(a));
        Assert.Equal(8, demo.Select(a => a!.AccountId).Distinct(StringComparer.Ordinal).Count());
        Assert.True(await accounts.IsRegisteredAsync("real-patient-1", CancellationToken.None));
        Assert.Null(await accounts.CreateAsync(MemberJourney.NewEmail(), "real-patient-1", CancellationToken.None));
    }

    private static List<string> Grants(string page) => [.. GrantField().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("name=\"grant\" value=\"([^\"]+)\"")]
    private static partial Regex GrantField();
}
