using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.AuthServer.Clients;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>Sandbox apps may authorize only the demo members; production apps anyone the account covers.</summary>
[Collection(MemberTestGroup.Name)]
public sealed class SandboxRuleTests(MemberServices stack)
{
    [Fact]
    public async Task SandboxApp_RealMember_RefusedAndCanOnlyReturnDenied()
    {
        var host = await stack.HostAsync();
        var app = new SmartApp(host);
        const string redirect = "https://sandbox.example.com/callback";
        await host.Service<ClientRegistry>().RegisterAsync(
            new ClientRegistration("sandbox-app", "Sandbox App", ClientType.Public, ClientStatus.Sandbox, [redirect], ClientOptions.DefaultDemoScopes), CancellationToken.None);
        var parameters = app.AuthorizeParameters();
        parameters["client_id"] = "sandbox-app";
        parameters["redirect_uri"] = redirect;
        using var authorize = await app.AuthorizeAsync(parameters);
        using var driver = new MemberDriver(host);
        using (await driver.GetAsync(authorize.Headers.Location!.OriginalString))
        {
            Assert.Equal("/member/choose", await MemberJourney.RegisterAsync(driver, host, await MemberJourney.RealMemberAsync(stack.Store), MemberJourney.NewEmail()));
        }

        using (var refused = await driver.GetAsync("/member/choose"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("still being tested", driver.LastPage, StringComparison.Ordinal);
        }

        using (var forced = await driver.PostAsync("/member/approve", [KeyValuePair.Create("decision", "allow")]))
        {
            Assert.NotEqual(HttpStatusCode.SeeOther, forced.StatusCode);
        }

        using (await driver.GetAsync("/member/choose"))
        {
            using var back = await driver.PostAsync("/member/approve", [KeyValuePair.Create("decision", "deny")]);
            Assert.Equal("access_denied", QueryHelpers.ParseQuery(new Uri(MemberDriver.LocationOf(back)).Query)["error"].ToString());
        }
    }

    [Fact]
    public async Task ProductionApp_RealMember_Approved()
    {
        var host = await stack.HostAsync();
        const string redirect = "https://app.example.com/callback";
        await host.Service<ClientRegistry>().RegisterAsync(
            new ClientRegistration("prod-app", "Production App", ClientType.Public, ClientStatus.Production, [redirect], ClientOptions.DefaultDemoScopes,
                LogoUri: "https://app.example.com/logo.png", Website: "https://app.example.com/"),
            CancellationToken.None);
        var app = new SmartApp(host);
        var parameters = app.AuthorizeParameters();
        parameters["client_id"] = "prod-app";
        parameters["redirect_uri"] = redirect;
        using var authorize = await app.AuthorizeAsync(parameters);
        using var driver = new MemberDriver(host);
        using (await driver.GetAsync(authorize.Headers.Location!.OriginalString))
        {
            await MemberJourney.RegisterAsync(driver, host, await MemberJourney.RealMemberAsync(stack.Store), MemberJourney.NewEmail());
        }

        using (var choose = await driver.GetAsync("/member/choose"))
        {
            Assert.Equal("/member/sharing", MemberDriver.LocationOf(choose));
        }

        using (await driver.SubmitAsync("/member/sharing"))
        {
        }

        using (var approve = await driver.GetAsync("/member/approve"))
        {
            Assert.Contains("https://app.example.com/logo.png", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("form-action 'self' https://app.example.com", approve.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        using var approved = await driver.PostAsync("/member/approve", [KeyValuePair.Create("decision", "allow")]);
        Assert.StartsWith(redirect + "?code=", MemberDriver.LocationOf(approved), StringComparison.Ordinal);
    }
}
