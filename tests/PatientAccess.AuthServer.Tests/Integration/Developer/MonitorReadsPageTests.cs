using System.Net;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Developer;

/// <summary>
/// Issue 15 contract 3 from the portal's side: the app page shows the app's FHIR reads by resource
/// type as the monitor counts them, fetched with the evidence key; when the monitor is not
/// configured, refuses, fails or hangs, the page says so plainly and still shows everything else.
/// </summary>
[Collection(AuthTestGroup.Name)]
public sealed class MonitorReadsPageTests(AuthBackends backends)
{
    [Fact]
    public async Task AppPage_MonitorAnswers_ReadsByResourceTypeWithTotal()
    {
        await using var monitor = await MonitorStandIn.StartAsync();
        await using var host = await HostAsync(monitor.Address, MonitorStandIn.Key);
        var (portal, clientId) = await PortalWithAppAsync(host);
        using (portal)
        {
            using var page = await portal.GetAsync("/developer/clients/" + clientId);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var text = WebUtility.HtmlDecode(portal.LastPage);
            Assert.Contains("FHIR reads by resource type", text, StringComparison.Ordinal);
            Assert.Matches("<th scope=\"row\">ExplanationOfBenefit</th><td>1,200</td>", text);
            Assert.Matches("<th scope=\"row\">Patient</th><td>3</td>", text);
            Assert.Matches("Total</th><td>1,205</td>", text);
            Assert.Equal([clientId], monitor.Asked);
        }
    }

    [Theory]
    [InlineData("error", MonitorStandIn.Key)]
    [InlineData("hang", MonitorStandIn.Key)]
    [InlineData("ok", "a-key-the-monitor-does-not-know")]
    [InlineData("down", MonitorStandIn.Key)]
    public async Task AppPage_MonitorFailsRefusesHangsOrIsDown_PageSaysSoAndShowsTheRest(string mode, string key)
    {
        await using var monitor = await MonitorStandIn.StartAsync();
        monitor.Mode = mode;
        var address = mode == "down" ? new Uri($"http://127.0.0.1:{FreePort.Next()}") : monitor.Address;
        await using var host = await HostAsync(address, key);
        var (portal, clientId) = await PortalWithAppAsync(host);
        using (portal)
        {
            using var page = await portal.GetAsync("/developer/clients/" + clientId);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var text = WebUtility.HtmlDecode(portal.LastPage);
            Assert.Contains("the plan's monitor did not answer", text, StringComparison.Ordinal);
            Assert.Contains("Successful demo token exchanges", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ExplanationOfBenefit", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AppPage_MonitorNotConfigured_SaysSoInSpanishToo()
    {
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, new Dictionary<string, string?> { ["DeveloperPortal:CodeSendsPerAddress"] = "1000" });
        var (portal, clientId) = await PortalWithAppAsync(host);
        using (portal)
        {
            using (await portal.GetAsync("/developer/clients/" + clientId))
            {
                Assert.Contains("monitor is not connected to the portal", WebUtility.HtmlDecode(portal.LastPage), StringComparison.Ordinal);
            }

            using (await portal.GetAsync("/member/language?to=es&return=/developer"))
            {
            }

            using (await portal.GetAsync("/developer/clients/" + clientId))
            {
                Assert.Contains("el monitor de este plan no está conectado al portal", WebUtility.HtmlDecode(portal.LastPage), StringComparison.Ordinal);
            }
        }
    }

    private async Task<AuthServerHost> HostAsync(Uri monitor, string key)
    {
        var keyFile = Path.Combine(Directory.CreateTempSubdirectory("pa-evidence-").FullName, "evidence.key");
        await File.WriteAllTextAsync(keyFile, key + "\n", TestContext.Current.CancellationToken);
        return await backends.FreshAsync(AuthBackends.Sqlite, new Dictionary<string, string?>
        {
            ["DeveloperPortal:CodeSendsPerAddress"] = "1000",
            ["Monitor:Url"] = monitor.ToString(),
            ["Monitor:EvidenceKeyFile"] = keyFile,
            ["Monitor:TimeoutSeconds"] = "1",
        });
    }

    private static async Task<(DeveloperDriver Portal, string ClientId)> PortalWithAppAsync(AuthServerHost host)
    {
        var portal = new DeveloperDriver(host);
        await portal.SignUpAsync(DeveloperDriver.NewEmail());
        var clientId = await portal.CreateAppAsync();
        return (portal, clientId);
    }
}
