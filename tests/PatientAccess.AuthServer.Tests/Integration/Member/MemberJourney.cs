using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>The steps of the member pages, strung together for tests that are about what comes after.</summary>
internal static class MemberJourney
{
    public static readonly (string, string)[] JohnAllen =
        [("first_name", "john"), ("last_name", "ALLEN"), ("birth_date", "1950-10-19"), ("member_id", "123456789123"), ("zip", "02114")];

    public static readonly (string, string)[] JoseRivera =
        [("first_name", "Jose"), ("last_name", "rivera"), ("birth_date", "1984-04-12"), ("member_id", "987654321001"), ("zip", "01841")];

    public static string NewEmail() => "m" + Guid.NewGuid().ToString("N")[..10] + "@example.com";

    /// <summary>Registers through identity, e-mail and code; returns where the code page sends the member.</summary>
    public static async Task<string> RegisterAsync(MemberDriver driver, AuthServerHost host, (string, string)[] identity, string email)
    {
        using var verified = await driver.SubmitAsync("/member/register", identity);
        Assert.Equal("/member/email", MemberDriver.LocationOf(verified));
        using var sent = await driver.SubmitAsync("/member/email", ("email", email));
        Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        using var confirmed = await driver.SubmitAsync("/member/code", ("code", Outbox.LatestCode(host.DataDirectory, email)));
        return MemberDriver.LocationOf(confirmed);
    }

    /// <summary>Signs a registered member in with e-mail and code; returns where the code page sends them.</summary>
    public static async Task<string> SignInAsync(MemberDriver driver, AuthServerHost host, string email)
    {
        using var sent = await driver.SubmitAsync("/member/signin", ("email", email));
        Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        using var confirmed = await driver.SubmitAsync("/member/code", ("code", Outbox.LatestCode(host.DataDirectory, email)));
        return MemberDriver.LocationOf(confirmed);
    }

    /// <summary>From a signed-in session on the choose step through sharing and approval; returns the app's redirect.</summary>
    public static async Task<Uri> ConsentAsync(MemberDriver driver, string? member = null, string decision = "allow", params string[] sensitive)
    {
        using (var choose = await driver.GetAsync("/member/choose"))
        {
            if (member is not null)
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, choose.StatusCode);
                using var chosen = await driver.PostAsync("/member/choose", [KeyValuePair.Create("member", member)]);
                Assert.Equal("/member/sharing", MemberDriver.LocationOf(chosen));
            }
            else
            {
                Assert.Equal("/member/sharing", MemberDriver.LocationOf(choose));
            }
        }

        using (var shared = await driver.SubmitAsync("/member/sharing", [.. sensitive.Select(s => (s, "yes"))]))
        {
            Assert.Equal("/member/approve", MemberDriver.LocationOf(shared));
        }

        using var approved = await driver.SubmitAsync("/member/approve", ("decision", decision));
        return new Uri(MemberDriver.LocationOf(approved));
    }

    public static string Code(Uri redirect) => QueryHelpers.ParseQuery(redirect.Query)["code"].ToString();

    public static async Task<JsonObject> ExchangeAsync(SmartApp app, Uri redirect)
    {
        using var response = await app.ExchangeAsync(Code(redirect));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }
}
