using System.Net;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>
/// Issue 12 items 11 and 12: code e-mails are limited per address and per client, counted and
/// answered alike whether or not the address has an account; registration with an address that
/// has an account looks like any other.
/// </summary>
[Collection(MemberTestGroup.Name)]
public sealed class CodeSendLimitTests(MemberServices stack)
{
    [Fact]
    public async Task SignIn_FourthCodeFromOneClient_RefusedAlikeWithOrWithoutAccount()
    {
        var host = await stack.HostAsync();
        var member = MemberJourney.NewEmail();
        using (var first = new MemberDriver(host))
        {
            await MemberJourney.RegisterAsync(first, host, MemberJourney.JohnAllen, member);
        }

        var stranger = MemberJourney.NewEmail();
        var answers = new Dictionary<string, List<(HttpStatusCode, string)>>();
        foreach (var (email, sendsBefore) in new[] { (member, 1), (stranger, 0) })
        {
            using var driver = new MemberDriver(host);
            answers[email] = [];
            for (var i = sendsBefore; i < 4; i++)
            {
                using var sent = await driver.SubmitAsync("/member/signin", ("email", email));
                answers[email].Add((sent.StatusCode, sent.Headers.Location?.OriginalString ?? ErrorOf(driver.LastPage)));
            }
        }

        Assert.Equal([(HttpStatusCode.SeeOther, "/member/code"), (HttpStatusCode.SeeOther, "/member/code")], answers[member].Take(2));
        Assert.Equal((HttpStatusCode.TooManyRequests, "We have already sent several codes to this address. Use the newest code you received, or wait 15 minutes and ask for a new one."), answers[member][2]);
        Assert.Equal(answers[member], answers[stranger].Skip(1));
        Assert.Equal(3, CountTo(host, member));
        Assert.Equal(0, CountTo(host, stranger));
    }

    [Fact]
    public async Task SignIn_ManyAddressesFromOneClient_ClientLimitedAndCounted()
    {
        var host = await stack.HostAsync(extra: new Dictionary<string, string?> { ["MemberApp:CodeSendsPerAddress"] = "4" });
        using var driver = new MemberDriver(host);
        for (var i = 0; i < 4; i++)
        {
            using var sent = await driver.SubmitAsync("/member/signin", ("email", MemberJourney.NewEmail()));
            Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        }

        using var refused = await driver.SubmitAsync("/member/signin", ("email", MemberJourney.NewEmail()));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using var resend = await driver.PostAsync("/member/code/resend", []);
        Assert.Equal(HttpStatusCode.TooManyRequests, resend.StatusCode);
        Assert.Contains("authserver_member_throttled_total{limit=\"code_send\"} 2\n", await MetricsAsync(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_AddressWithAccount_AnsweredLikeANewAddressAndOwnerToldInstead()
    {
        var host = await stack.HostAsync();
        var taken = MemberJourney.NewEmail();
        using (var owner = new MemberDriver(host))
        {
            await MemberJourney.RegisterAsync(owner, host, MemberJourney.JohnAllen, taken);
        }

        var codeMail = Outbox.Latest(host.DataDirectory, taken);
        using var registrant = new MemberDriver(host);
        using (var verified = await registrant.SubmitAsync("/member/register", MemberJourney.JoseRivera))
        {
            Assert.Equal("/member/email", MemberDriver.LocationOf(verified));
        }

        using (var fresh = await registrant.SubmitAsync("/member/email", ("email", MemberJourney.NewEmail())))
        using (var probed = await registrant.SubmitAsync("/member/email", ("email", taken)))
        {
            Assert.Equal(fresh.StatusCode, probed.StatusCode);
            Assert.Equal("/member/code", MemberDriver.LocationOf(probed));
        }

        var notice = Outbox.Latest(host.DataDirectory, taken);
        Assert.NotEqual(codeMail, notice);
        Assert.Contains("which already has an account", notice, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b\d{6}\b", notice[notice.IndexOf("\r\n\r\n", StringComparison.Ordinal)..]);

        // The code behind the page never left the server: no guess makes an account for José with that address.
        using var guess = await registrant.SubmitAsync("/member/code", ("code", "123456"));
        Assert.Equal(HttpStatusCode.BadRequest, guess.StatusCode);
        Assert.Contains("That code is not right.", registrant.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_EmailStepProbes_CountedTowardTheClientLimit()
    {
        var host = await stack.HostAsync(extra: new Dictionary<string, string?> { ["MemberApp:CodeSendsPerAddress"] = "3" });
        using var driver = new MemberDriver(host);
        using (await driver.SubmitAsync("/member/register", MemberJourney.JoseRivera))
        {
        }

        for (var i = 0; i < 3; i++)
        {
            using var sent = await driver.SubmitAsync("/member/email", ("email", MemberJourney.NewEmail()));
            Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        }

        using var refused = await driver.SubmitAsync("/member/email", ("email", MemberJourney.NewEmail()));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    /// <summary>The authserver's /metrics, on its management listener (the public one does not route it).</summary>
    internal static async Task<string> MetricsAsync(AuthServerHost host)
    {
        using var client = host.Server.CreateManagementClient();
        return await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
    }

    private static int CountTo(AuthServerHost host, string email) =>
        Directory.GetFiles(Outbox.Folder(host.DataDirectory), "*.eml").Count(f => File.ReadAllText(f).Contains("\r\nTo: " + email + "\r\n", StringComparison.Ordinal));

    private static string ErrorOf(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, "<p class=\"error\" id=\"email-error\">([^<]*)</p>");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
