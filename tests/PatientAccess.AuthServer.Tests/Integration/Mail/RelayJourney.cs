using System.Net;
using System.Text.RegularExpressions;
using PatientAccess.AuthServer.Tests.Integration.Member;

namespace PatientAccess.AuthServer.Tests.Integration.Mail;

/// <summary>The member pages' code steps with the codes read from the SMTP relay instead of the outbox.</summary>
internal static partial class RelayJourney
{
    public const string From = "codes@plan.example";

    /// <summary>The sign-in code a message carries (its subject names it, and so does its body).</summary>
    public static string CodeIn(RelayMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var code = SixDigits().Match(message.Subject).Value;
        Assert.Matches(SixDigits(), code);
        Assert.Contains(code, message.Body, StringComparison.Ordinal);
        return code;
    }

    /// <summary>Registers through identity, e-mail and the relayed code; returns where the code page sends the member.</summary>
    public static async Task<string> RegisterAsync(MemberDriver driver, SmtpRelay relay, (string, string)[] identity, string email)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(relay);
        using (var verified = await driver.SubmitAsync("/member/register", identity))
        {
            Assert.Equal("/member/email", MemberDriver.LocationOf(verified));
        }

        using (var sent = await driver.SubmitAsync("/member/email", ("email", email)))
        {
            Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        }

        return await ConfirmAsync(driver, await relay.NextAsync(email));
    }

    /// <summary>Registers the demo member as <paramref name="email"/> in a browser of its own, closed afterwards: the account a test then signs in to.</summary>
    public static async Task RegisterDemoMemberAsync(AuthServerHost host, SmtpRelay relay, string email)
    {
        using var registering = new MemberDriver(host);
        await RegisterAsync(registering, relay, MemberJourney.JohnAllen, email);
    }

    /// <summary>Asks for a sign-in code on the sign-in page and expects to be sent to the code page.</summary>
    public static async Task SignInAsync(MemberDriver driver, string email)
    {
        ArgumentNullException.ThrowIfNull(driver);
        using var sent = await driver.SubmitAsync("/member/signin", ("email", email));
        Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
    }

    public static async Task<string> ConfirmAsync(MemberDriver driver, RelayMessage message)
    {
        ArgumentNullException.ThrowIfNull(driver);
        using var confirmed = await driver.SubmitAsync("/member/code", ("code", CodeIn(message)));
        return MemberDriver.LocationOf(confirmed);
    }

    /// <summary>
    /// The page the member was on, again, answering 503 with the "could not send" text as a field
    /// error: in the error summary (role=alert, focused by member.js) and tied to the field.
    /// </summary>
    public static void AssertNotSentPage(MemberDriver driver, HttpResponseMessage response, string field, string text)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(response);
        var page = driver.LastPage;
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"expected 503, got {(int)response.StatusCode}:\n{page}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", page, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#{field}\">{text}</a></li>", page, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"error\" id=\"{field}-error\">{text}</p>", page, StringComparison.Ordinal);
        Assert.Matches($"<input id=\"{field}\"[^>]*aria-describedby=\"[^\"]*{field}-error\"[^>]*aria-invalid=\"true\"", page);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", page, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    public static partial Regex SixDigits();
}
