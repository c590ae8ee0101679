using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>Hostile and clumsy input on every member form: never a 500, never a bypass.</summary>
[Collection(MemberTestGroup.Name)]
public sealed class MemberSafetyTests(MemberServices stack)
{
    public static TheoryData<string> Hostile =>
    [
        "Robert'); DROP TABLE member_accounts;--",
        "' OR '1'='1",
        "\"; SELECT * FROM grants; --",
        "Zoë \u202Eevil\u202C 𝔍𝔬𝔥𝔫 漢字 🙂",
        "<script>alert(1)</script>",
        "%00\\u0000",
        "name,with|fhir$syntax\\",
    ];

    [Theory]
    [InlineData("/member/register")]
    [InlineData("/member/signin")]
    [InlineData("/member/code")]
    [InlineData("/member/choose")]
    [InlineData("/member/sharing")]
    [InlineData("/member/approve")]
    [InlineData("/member/apps/revoke")]
    [InlineData("/member/signout")]
    public async Task Post_WithoutCsrfToken_Refused(string path)
    {
        var host = await stack.HostAsync();
        using var driver = new MemberDriver(host);
        using (await driver.GetAsync("/member/signin"))
        {
            using var response = await driver.PostAsync(path, [KeyValuePair.Create("email", "a@example.com"), KeyValuePair.Create("decision", "allow")], csrf: false);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task EveryForm_UnicodeAndSqlMetacharacters_AnsweredWithoutServerError(string value)
    {
        var host = await stack.HostAsync();
        using var driver = new MemberDriver(host);
        foreach (var field in new[] { "first_name", "last_name", "birth_date", "member_id", "zip" })
        {
            var fields = MemberJourney.JohnAllen.Select(f => f.Item1 == field ? (f.Item1, value) : f).ToArray();
            using var response = await driver.SubmitAsync("/member/register", fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain("<script>alert", driver.LastPage, StringComparison.Ordinal);
        }

        using (var signIn = await driver.SubmitAsync("/member/signin", ("email", value)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        }

        using (await driver.SubmitAsync("/member/signin", ("email", MemberJourney.NewEmail())))
        using (var code = await driver.SubmitAsync("/member/code", ("code", value)))
        {
            Assert.True(code.StatusCode is HttpStatusCode.BadRequest, $"code: {(int)code.StatusCode}");
        }

        await using var db = await host.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await db.MemberAccounts.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Register_OversizedField_Refused()
    {
        var host = await stack.HostAsync();
        using var driver = new MemberDriver(host);
        using var response = await driver.SubmitAsync("/member/register", [.. MemberJourney.JohnAllen.Skip(1), ("first_name", new string('a', 5000))]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var huge = await driver.SubmitAsync("/member/register", [.. MemberJourney.JohnAllen.Skip(1), ("first_name", new string('a', 100_000))]);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    [Fact]
    public async Task Register_IdentityBruteForce_MemberIdLockedEvenForTheRightDetails()
    {
        var host = await stack.HostAsync();
        using var driver = new MemberDriver(host);
        for (var i = 0; i < 5; i++)
        {
            using var miss = await driver.SubmitAsync("/member/register", [.. MemberJourney.JohnAllen.Where(f => f.Item1 != "birth_date"), ("birth_date", $"1950-10-{i + 1:D2}")]);
            Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
            Assert.Contains("role=\"alert\"", driver.LastPage, StringComparison.Ordinal);
        }

        using var right = await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        using var other = new MemberDriver(host);
        using var elsewhere = await other.SubmitAsync("/member/register", MemberJourney.JohnAllen);
        Assert.Equal(HttpStatusCode.TooManyRequests, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Register_IdentityBruteForceAcrossMembers_ClientAddressLocked()
    {
        var host = await stack.HostAsync(extra: new Dictionary<string, string?> { ["MemberApp:MaxFailuresPerAddress"] = "3" });
        using var driver = new MemberDriver(host);
        for (var i = 0; i < 3; i++)
        {
            using var miss = await driver.SubmitAsync("/member/register", [.. MemberJourney.JohnAllen.Where(f => f.Item1 != "member_id"), ("member_id", $"99999999000{i}")]);
            Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
        }

        using var right = await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task Code_FiveWrongTries_CodeDiesAndIsStoredOnlyHashed()
    {
        // A looser account lockout, so what stops the sixth try is the code's own limit of five.
        var host = await stack.HostAsync(extra: new Dictionary<string, string?> { ["MemberApp:MaxFailuresPerAccount"] = "50" });
        using var driver = new MemberDriver(host);
        var email = MemberJourney.NewEmail();
        using (await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen))
        using (await driver.SubmitAsync("/member/email", ("email", email)))
        {
        }

        var code = Outbox.LatestCode(host.DataDirectory, email);
        await using (var db = await host.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var stored = await db.MemberSessions.Where(s => s.Email == email).Select(s => s.CodeHash).SingleAsync(TestContext.Current.CancellationToken);
            Assert.NotNull(stored);
            Assert.DoesNotContain(code, stored, StringComparison.Ordinal);
        }

        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            using var miss = await driver.SubmitAsync("/member/code", ("code", wrong));
            Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
        }

        using var late = await driver.SubmitAsync("/member/code", ("code", code));
        Assert.NotEqual(HttpStatusCode.SeeOther, late.StatusCode);
        Assert.Contains("expired or was tried too many times", driver.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_BruteForceAcrossNewCodes_StoppedByTheSendLimit()
    {
        var host = await stack.HostAsync();
        using var driver = new MemberDriver(host);
        var email = MemberJourney.NewEmail();
        using (await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen))
        using (await driver.SubmitAsync("/member/email", ("email", email)))
        {
        }

        // Three codes per address and client in 15 minutes, five tries each: 15 guesses, then no new code.
        for (var code = 0; code < 3; code++)
        {
            var wrong = Wrong(Outbox.LatestCode(host.DataDirectory, email));
            for (var i = 0; i < 5; i++)
            {
                using var miss = await driver.SubmitAsync("/member/code", ("code", wrong));
                Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
            }

            using var resend = await driver.PostAsync("/member/code/resend", []);
            Assert.Equal(code < 2 ? HttpStatusCode.SeeOther : HttpStatusCode.TooManyRequests, resend.StatusCode);
        }

        Assert.Contains("We have already sent several codes to this address.", driver.LastPage, StringComparison.Ordinal);
        using var late = await driver.SubmitAsync("/member/code", ("code", Outbox.LatestCode(host.DataDirectory, email)));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("expired or was tried too many times", driver.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_WrongCodesPastTheAddressLimit_ClientAddressLockedEvenForTheRightCode()
    {
        var host = await stack.HostAsync(extra: new Dictionary<string, string?> { ["MemberApp:MaxFailuresPerAddress"] = "7" });
        using var driver = new MemberDriver(host);
        var email = MemberJourney.NewEmail();
        using (await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen))
        using (await driver.SubmitAsync("/member/email", ("email", email)))
        {
        }

        for (var i = 0; i < 5; i++)
        {
            using var miss = await driver.SubmitAsync("/member/code", ("code", Wrong(Outbox.LatestCode(host.DataDirectory, email))));
        }

        using (var resend = await driver.PostAsync("/member/code/resend", []))
        {
            Assert.Equal(HttpStatusCode.SeeOther, resend.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            using var miss = await driver.SubmitAsync("/member/code", ("code", Wrong(Outbox.LatestCode(host.DataDirectory, email))));
            Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
        }

        using var right = await driver.SubmitAsync("/member/code", ("code", Outbox.LatestCode(host.DataDirectory, email)));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        using var resendLocked = await driver.PostAsync("/member/code/resend", []);
        Assert.Equal(HttpStatusCode.TooManyRequests, resendLocked.StatusCode);
    }

    [Fact]
    public async Task Code_AnotherSessionsWrongCodesForTheSameAddress_MemberStillSignsIn()
    {
        // In-process every request has the same client address; the send limit per client is raised so only the code rules decide.
        var host = await stack.HostAsync(extra: new Dictionary<string, string?> { ["MemberApp:CodeSendsPerAccountPerAddress"] = "10" });
        var email = MemberJourney.NewEmail();
        using (var member = new MemberDriver(host))
        {
            await MemberJourney.RegisterAsync(member, host, MemberJourney.JohnAllen, email);
        }

        // More wrong codes for this address than the old per-address lock allowed (five).
        using var outsider = new MemberDriver(host);
        for (var code = 0; code < 2; code++)
        {
            using (await outsider.SubmitAsync("/member/signin", ("email", email)))
            {
            }

            for (var i = 0; i < 5; i++)
            {
                using var miss = await outsider.SubmitAsync("/member/code", ("code", Wrong(Outbox.LatestCode(host.DataDirectory, email))));
                Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
            }
        }

        using var again = new MemberDriver(host);
        Assert.Equal("/member/apps", await MemberJourney.SignInAsync(again, host, email));
    }

    [Fact]
    public async Task Code_OlderThanTenMinutes_Refused()
    {
        var host = await stack.HostAsync();
        using var driver = new MemberDriver(host);
        var email = MemberJourney.NewEmail();
        using (await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen))
        using (await driver.SubmitAsync("/member/email", ("email", email)))
        {
        }

        host.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var late = await driver.SubmitAsync("/member/code", ("code", Outbox.LatestCode(host.DataDirectory, email)));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownAddress_LooksTheSameButSendsNothing()
    {
        var host = await stack.HostAsync();
        using var driver = new MemberDriver(host);
        var before = Outbox.Count(host.DataDirectory);
        using var sent = await driver.SubmitAsync("/member/signin", ("email", MemberJourney.NewEmail()));
        Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        Assert.Equal(before, Outbox.Count(host.DataDirectory));
    }

    private static string Wrong(string code) =>
        ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Pages_CarryCspAndSafeCookies()
    {
        var host = await stack.HostAsync();
        using var driver = new MemberDriver(host);
        using var page = await driver.GetAsync("/member/register");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", driver.LastPage, StringComparison.Ordinal);
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("pa-member=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(cookies, c => c.StartsWith("pa-member-csrf=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
    }
}
