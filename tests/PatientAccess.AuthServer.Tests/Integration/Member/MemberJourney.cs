using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.Testing;

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

    /// <summary>A synthetic member from the seeded store (not a demo member), as they would type it.</summary>
    public static async Task<(string, string)[]> RealMemberAsync(SeededStore store, int skip = 0)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var http = new HttpClient { BaseAddress = store.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Operator);
        var bundle = JsonNode.Parse(await http.GetStringAsync(new Uri("/r4/Patient?_count=50", UriKind.Relative), TestContext.Current.CancellationToken))!;
        var patient = bundle["entry"]!.AsArray()
            .Select(e => e!["resource"]!)
            .Where(p => !((string)p["id"]!).StartsWith("demo-", StringComparison.Ordinal) && !((string)p["id"]!).StartsWith("family-", StringComparison.Ordinal))
            .Skip(skip)
            .First();
        var name = patient["name"]![0]!;
        var memberId = patient["identifier"]!.AsArray().First(i => (string?)i!["system"] == "http://example.org/fhir/sid/member-id")!["value"]!;
        return
        [
            ("first_name", (string)name["given"]![0]!), ("last_name", (string)name["family"]!), ("birth_date", (string)patient["birthDate"]!),
            ("member_id", (string)memberId!), ("zip", ((string)patient["address"]![0]!["postalCode"]!)[..5]),
        ];
    }
}
