using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Production;

/// <summary>Approval is what lets real members connect an app: refused before, authorized after, on both databases.</summary>
[Collection(MemberTestGroup.Name)]
public sealed class ProductionApprovalMemberTests(MemberServices stack)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Approve_RealMemberRefusedBeforeAndAuthorizedAfter(string backend)
    {
        var host = await stack.HostAsync(backend, StaffKey.Settings());
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(developer);
        var member = await RealMemberAsync();
        var email = MemberJourney.NewEmail();

        // Before: the sandbox app is refused for a real member.
        using (var before = new MemberDriver(host))
        {
            using (await before.GetAsync(await AuthorizeAsync(host, clientId)))
            {
            }

            Assert.Equal("/member/choose", await MemberJourney.RegisterAsync(before, host, member, email));
            using (await before.GetAsync("/member/choose"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, before.LastStatus);
            }
        }

        var requestId = await driver.SubmitQualifyingAsync(clientId, developer);
        using (var approved = await driver.DecideAsync(requestId, "approve"))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        // After: the same member, signing in again, connects it and the app gets its code.
        using var after = new MemberDriver(host);
        using (await after.GetAsync(await AuthorizeAsync(host, clientId)))
        {
        }

        Assert.Equal("/member/choose", await MemberJourney.SignInAsync(after, host, email));
        var redirect = await MemberJourney.ConsentAsync(after);
        Assert.StartsWith(ProductionDriver.Redirect + "?code=", redirect.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> AuthorizeAsync(AuthServerHost host, string clientId)
    {
        var app = new SmartApp(host);
        var parameters = app.AuthorizeParameters();
        parameters["client_id"] = clientId;
        parameters["redirect_uri"] = ProductionDriver.Redirect;
        using var response = await app.AuthorizeAsync(parameters);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>A synthetic member from the seeded store (not a demo member), as they would type it.</summary>
    private async Task<(string, string)[]> RealMemberAsync()
    {
        using var http = new HttpClient { BaseAddress = stack.Store.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Operator);
        var bundle = JsonNode.Parse(await http.GetStringAsync(new Uri("/r4/Patient?_count=50", UriKind.Relative), TestContext.Current.CancellationToken))!;
        var patient = bundle["entry"]!.AsArray()
            .Select(e => e!["resource"]!)
            .Last(p => !((string)p["id"]!).StartsWith("demo-", StringComparison.Ordinal) && !((string)p["id"]!).StartsWith("family-", StringComparison.Ordinal));
        var name = patient["name"]![0]!;
        var memberId = patient["identifier"]!.AsArray().First(i => (string?)i!["system"] == "http://example.org/fhir/sid/member-id")!["value"]!;
        return
        [
            ("first_name", (string)name["given"]![0]!), ("last_name", (string)name["family"]!), ("birth_date", (string)patient["birthDate"]!),
            ("member_id", (string)memberId!), ("zip", ((string)patient["address"]![0]!["postalCode"]!)[..5]),
        ];
    }
}
