using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using PatientAccess.AuthServer.Tests.Integration.Member;

namespace PatientAccess.AuthServer.Tests.Integration.Mail;

/// <summary>
/// A relay that is down, silent or refusing: the member sees the page again with a clear,
/// translated 503, nothing is lost or locked, the operator gets one warning without secrets,
/// and sending works again as soon as the relay does.
/// </summary>
[Collection(MemberTestGroup.Name)]
public sealed class SmtpFailureTests(MemberServices stack)
{
    private const string English = "We could not send the code right now. Please try again in a few minutes.";
    private const string Spanish = "No pudimos enviar el código en este momento. Inténtelo de nuevo en unos minutos.";

    [Theory]
    [InlineData("en", English)]
    [InlineData("es", Spanish)]
    public async Task Register_RelayDown_EmailPageAgain503ThenCodeArrivesOnceRelayIsUp(string language, string text)
    {
        await using var relay = await SmtpRelay.StartAsync(start: false);
        var host = await stack.HostAsync(extra: relay.Settings(RelayJourney.From));
        var logs = LogCapture.On(host);
        var email = MemberJourney.NewEmail();
        using var driver = new MemberDriver(host, language);
        using (await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen))
        using (var failed = await driver.SubmitAsync("/member/email", ("email", email)))
        {
            RelayJourney.AssertNotSentPage(driver, failed, "email", text);
            Assert.Contains($"value=\"{email}\"", driver.LastPage, StringComparison.Ordinal);
        }

        AssertLoggedOnce(logs, relay, "connection failed: ConnectionRefused", email);
        Assert.Equal(0, Outbox.Count(host.DataDirectory));
        Assert.Contains("authserver_member_mail_total{outcome=\"failed\"} 1\n", await MetricsAsync(host), StringComparison.Ordinal);

        await relay.RestartAsync();
        using (var sent = await driver.SubmitAsync("/member/email", ("email", email)))
        {
            Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        }

        Assert.Contains("authserver_member_mail_total{outcome=\"sent\"} 1\n", await MetricsAsync(host), StringComparison.Ordinal);

        Assert.Equal("/member/apps", await RelayJourney.ConfirmAsync(driver, await relay.NextAsync(email)));
    }

    [Fact]
    public async Task Resend_RelayDown_503KeepsEarlierCodeAndItsTriesWithoutLockout()
    {
        await using var relay = await SmtpRelay.StartAsync();
        var (host, email) = await HostWithDemoMemberAsync(relay);

        using var driver = new MemberDriver(host);
        await RelayJourney.SignInAsync(driver, email);
        var message = await relay.NextAsync(email);
        var code = RelayJourney.CodeIn(message);
        var wrong = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        using (var first = await driver.SubmitAsync("/member/code", ("code", wrong)))
        {
            Assert.Contains("You have 4 tries left.", driver.LastPage, StringComparison.Ordinal);
        }

        await relay.StopAsync();
        var logs = LogCapture.On(host);

        // More failed sends than the lockout allows failures: none of them may count as one.
        for (var i = 0; i < 7; i++)
        {
            using var resend = await driver.PostAsync("/member/code/resend", []);
            RelayJourney.AssertNotSentPage(driver, resend, "code", English);
        }

        Assert.Equal(7, logs.Entries.Count(e => e.Category.Contains(".Member.Mail.", StringComparison.Ordinal)));
        using (var second = await driver.SubmitAsync("/member/code", ("code", wrong)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
            Assert.Contains("You have 3 tries left.", driver.LastPage, StringComparison.Ordinal);
        }

        Assert.Equal("/member/apps", await RelayJourney.ConfirmAsync(driver, message));
    }

    [Fact]
    public async Task Resend_RelayBackAfterOutage_NewCodeArrivesAndSignsIn()
    {
        await using var relay = await SmtpRelay.StartAsync();
        var (host, email) = await HostWithDemoMemberAsync(relay);

        using var driver = new MemberDriver(host);
        await RelayJourney.SignInAsync(driver, email);
        var earlier = await relay.NextAsync(email);
        using (await driver.GetAsync("/member/code"))
        {
            await relay.StopAsync();
            using var failed = await driver.PostAsync("/member/code/resend", []);
            RelayJourney.AssertNotSentPage(driver, failed, "code", English);
        }

        await relay.RestartAsync();
        using (var resent = await driver.PostAsync("/member/code/resend", []))
        {
            Assert.Equal("/member/code?sent=1", MemberDriver.LocationOf(resent));
        }

        var fresh = await relay.NextAsync(email);
        Assert.NotEqual(earlier.Name, fresh.Name);
        Assert.Equal("/member/apps", await RelayJourney.ConfirmAsync(driver, fresh));
    }

    [Fact]
    public async Task SignIn_RelayDown_AddressWithoutAccountAnsweredTheSameUntilRelayWorks()
    {
        await using var relay = await SmtpRelay.StartAsync();
        var (host, member) = await HostWithDemoMemberAsync(relay);
        var stranger = MemberJourney.NewEmail();

        await relay.StopAsync();
        using var driver = new MemberDriver(host);
        using (var known = await driver.SubmitAsync("/member/signin", ("email", member)))
        {
            RelayJourney.AssertNotSentPage(driver, known, "email", English);
        }

        // Otherwise "could not send" would tell an outsider which addresses have accounts.
        using (var unknown = await driver.SubmitAsync("/member/signin", ("email", stranger)))
        {
            RelayJourney.AssertNotSentPage(driver, unknown, "email", English);
        }

        // The first send that works ends the outage for everyone.
        await relay.RestartAsync();
        await RelayJourney.SignInAsync(driver, member);
        _ = await relay.NextAsync(member);
        await RelayJourney.SignInAsync(driver, stranger);
        Assert.DoesNotContain(relay.Messages(), m => m.EnvelopeTo.Contains(stranger));
        using var again = new MemberDriver(host);
        await RelayJourney.SignInAsync(again, member);
        Assert.Equal("/member/apps", await RelayJourney.ConfirmAsync(again, await relay.NextAsync(member)));
    }

    [Fact]
    public async Task Register_RelayRefusesRecipient550_503ThenAnotherAddressWorks()
    {
        await using var relay = await SmtpRelay.StartAsync();
        var host = await stack.HostAsync(extra: relay.Settings(RelayJourney.From));
        var logs = LogCapture.On(host);
        var refused = "reject-" + MemberJourney.NewEmail();
        using var driver = new MemberDriver(host);
        using (await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen))
        using (var failed = await driver.SubmitAsync("/member/email", ("email", refused)))
        {
            RelayJourney.AssertNotSentPage(driver, failed, "email", English);
        }

        AssertLoggedOnce(logs, relay, "recipient refused: 550", refused);
        var email = MemberJourney.NewEmail();
        using (var sent = await driver.SubmitAsync("/member/email", ("email", email)))
        {
            Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        }

        Assert.Equal("/member/apps", await RelayJourney.ConfirmAsync(driver, await relay.NextAsync(email)));
    }

    [Fact]
    public async Task SignIn_RelayRefusesEveryMessage_503ThenCodeArrivesWhenRelayAcceptsAgain()
    {
        await using var relay = await SmtpRelay.StartAsync();
        var (host, email) = await HostWithDemoMemberAsync(relay);

        await relay.RestartAsync(refuseMessages: true);
        var logs = LogCapture.On(host);
        using var driver = new MemberDriver(host, "es");
        using (var failed = await driver.SubmitAsync("/member/signin", ("email", email)))
        {
            RelayJourney.AssertNotSentPage(driver, failed, "email", Spanish);
        }

        AssertLoggedOnce(logs, relay, "relay answered 554", email);
        await relay.RestartAsync();
        await RelayJourney.SignInAsync(driver, email);
        Assert.Equal("/member/apps", await RelayJourney.ConfirmAsync(driver, await relay.NextAsync(email)));
    }

    [Fact]
    public async Task Register_RelayWrongPassword_503AndPasswordNeverLogged()
    {
        await using var relay = await SmtpRelay.StartAsync();
        var settings = relay.Settings(RelayJourney.From);
        var wrongPassword = "wrong-" + relay.Password;
        settings["Mail:SmtpPassword"] = wrongPassword;
        var host = await stack.HostAsync(extra: settings);
        var logs = LogCapture.On(host);
        var email = MemberJourney.NewEmail();
        using var driver = new MemberDriver(host);
        using (await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen))
        using (var failed = await driver.SubmitAsync("/member/email", ("email", email)))
        {
            RelayJourney.AssertNotSentPage(driver, failed, "email", English);
        }

        Assert.Contains("refused for " + SmtpRelay.UserName, relay.Output, StringComparison.Ordinal);
        AssertLoggedOnce(logs, relay, "relay answered 530", email);
        Assert.All(logs.Entries, e => Assert.DoesNotContain(wrongPassword, e.Message, StringComparison.Ordinal));
        Assert.Empty(relay.Messages());
    }

    [Fact]
    public async Task Register_RelayAcceptsButNeverAnswers_503WithinTheTimeout()
    {
        // A relay that takes the connection and then says nothing, not even its greeting.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var relay = await SmtpRelay.StartAsync(port, start: false);
        var settings = relay.Settings(RelayJourney.From);
        settings["Mail:SmtpTimeoutSeconds"] = "1";
        var host = await stack.HostAsync(extra: settings);
        var logs = LogCapture.On(host);
        var email = MemberJourney.NewEmail();
        using var driver = new MemberDriver(host);
        using (await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen))
        {
            var clock = Stopwatch.StartNew();
            using var failed = await driver.SubmitAsync("/member/email", ("email", email));
            clock.Stop();
            RelayJourney.AssertNotSentPage(driver, failed, "email", English);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        }

        AssertLoggedOnce(logs, relay, "no answer within 1 s", email);
    }

    [Fact]
    public async Task Register_OutboxNotWritable_503InsteadOfAnError()
    {
        var blocker = Path.GetTempFileName();
        try
        {
            var host = await stack.HostAsync(extra: new Dictionary<string, string?> { ["Mail:OutboxDirectory"] = blocker });
            var logs = LogCapture.On(host);
            using var driver = new MemberDriver(host);
            using (await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen))
            using (var failed = await driver.SubmitAsync("/member/email", ("email", MemberJourney.NewEmail())))
            {
                RelayJourney.AssertNotSentPage(driver, failed, "email", English);
            }

            var warning = Assert.Single(logs.Entries, e => e.Category.Contains(".Member.Mail.", StringComparison.Ordinal));
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    /// <summary>An authserver sending through <paramref name="relay"/>, with the demo member registered under a new address.</summary>
    private async Task<(AuthServerHost Host, string Email)> HostWithDemoMemberAsync(SmtpRelay relay)
    {
        var host = await stack.HostAsync(extra: relay.Settings(RelayJourney.From));
        var email = MemberJourney.NewEmail();
        await RelayJourney.RegisterDemoMemberAsync(host, relay, email);
        return (host, email);
    }

    /// <summary>One warning from the mail sender naming the relay and the reason, nothing at error level, no secret anywhere.</summary>
    private static void AssertLoggedOnce(LogCapture logs, SmtpRelay relay, string reason, string email)
    {
        var warning = Assert.Single(logs.Entries, e => e.Category.Contains(".Member.Mail.", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains($"127.0.0.1:{relay.Port}", warning.Message, StringComparison.Ordinal);
        Assert.Contains(reason, warning.Message, StringComparison.Ordinal);
        Assert.Null(warning.Exception);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.All(logs.Entries, e =>
        {
            Assert.DoesNotContain(relay.Password, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(email, e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(RelayJourney.SixDigits(), e.Message);
        });
    }

    /// <summary>Security staff see failed code e-mails on the dashboard: members who cannot sign in.</summary>
    private static Task<string> MetricsAsync(AuthServerHost host) => CodeSendLimitTests.MetricsAsync(host);
}
