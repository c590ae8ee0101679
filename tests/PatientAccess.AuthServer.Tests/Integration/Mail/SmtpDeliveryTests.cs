using PatientAccess.AuthServer.Tests.Integration.Member;

namespace PatientAccess.AuthServer.Tests.Integration.Mail;

/// <summary>Sign-in codes sent through a real SMTP relay (another process), read back from what it received.</summary>
[Collection(MemberTestGroup.Name)]
public sealed class SmtpDeliveryTests(MemberServices stack)
{
    [Fact]
    public async Task SignIn_SmtpRelayConfigured_CodeArrivesAuthenticatedAndSignsIn()
    {
        await using var relay = await SmtpRelay.StartAsync();
        var host = await stack.HostAsync(extra: relay.Settings(RelayJourney.From));
        var email = MemberJourney.NewEmail();
        using (var registering = new MemberDriver(host))
        {
            Assert.Equal("/member/apps", await RelayJourney.RegisterAsync(registering, relay, MemberJourney.JohnAllen, email));
        }

        using var driver = new MemberDriver(host);
        await RelayJourney.SignInAsync(driver, email);
        var message = await relay.NextAsync(email);
        var code = RelayJourney.CodeIn(message);

        Assert.Equal(SmtpRelay.UserName, message.AuthenticatedUser);
        Assert.Equal(RelayJourney.From, message.EnvelopeFrom);
        Assert.Equal([email], message.EnvelopeTo);
        Assert.Contains(RelayJourney.From, message.Header("From"), StringComparison.Ordinal);
        Assert.Contains(email, message.Header("To"), StringComparison.Ordinal);
        Assert.Equal("en", message.Header("Content-Language"));
        Assert.Equal($"Your Demo Health Plan code: {code}", message.Subject);
        Assert.StartsWith($"Your sign-in code is {code}.", message.Body, StringComparison.Ordinal);
        Assert.Contains("valid for 10 minutes", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(relay.Password, message.Raw, StringComparison.Ordinal);
        Assert.Equal("/member/apps", await RelayJourney.ConfirmAsync(driver, message));
        Assert.Equal(2, relay.Messages().Count);
        Assert.Equal(0, Outbox.Count(host.DataDirectory));
    }

    [Fact]
    public async Task Register_SpanishMember_MessageInSpanishUtf8AndItsCodeSignsIn()
    {
        await using var relay = await SmtpRelay.StartAsync();
        var host = await stack.HostAsync(extra: relay.Settings(RelayJourney.From));
        var email = MemberJourney.NewEmail();
        using var driver = new MemberDriver(host, "es");
        using (var verified = await driver.SubmitAsync("/member/register", MemberJourney.JoseRivera))
        {
            Assert.Equal("/member/email", MemberDriver.LocationOf(verified));
        }

        using (var sent = await driver.SubmitAsync("/member/email", ("email", email)))
        {
            Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        }

        var message = await relay.NextAsync(email);
        var code = RelayJourney.CodeIn(message);

        Assert.Equal("es", message.Header("Content-Language"));
        Assert.Contains("charset=utf-8", message.Header("Content-Type"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"Su código de Demo Health Plan: {code}", message.Subject);
        Assert.StartsWith($"Su código para iniciar sesión es {code}.", message.Body, StringComparison.Ordinal);
        Assert.Contains(".\r\n\r\nEs válido por 10 minutos.", message.Body, StringComparison.Ordinal);
        Assert.Contains("nadie puede iniciar sesión sin él", message.Body, StringComparison.Ordinal);
        Assert.Equal(SmtpRelay.UserName, message.AuthenticatedUser);
        Assert.Equal("/member/apps", await RelayJourney.ConfirmAsync(driver, message));
        Assert.Equal(0, Outbox.Count(host.DataDirectory));
    }
}
