using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PatientAccess.EndToEnd.Tests.Foundation;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// Issue 15's "a benign mix triggers no action": several production apps, each authorized by
/// several members, read and page through their members' records for a few minutes
/// (<c>PA_BENIGN_MINUTES</c>, default 3) on a ./run.sh stack whose detectors all keep their
/// default settings. Then no flag, no action, no e-mail about any app; every app still in the
/// gallery and every member's token still reading.
/// </summary>
[Collection(RunScriptGroup.Name)]
public sealed class BenignMixTests(ITestOutputHelper output)
{
    private const int Apps = 4;
    private const int MembersPerApp = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TimeSpan Duration =>
        TimeSpan.FromMinutes(Environment.GetEnvironmentVariable("PA_BENIGN_MINUTES") is { Length: > 0 } text ? double.Parse(text, CultureInfo.InvariantCulture) : 3);

    [Fact]
    public async Task BenignMix_MembersAppsReadAndPageForMinutes_NoFlagNoActionNoMail()
    {
        await using var stack = new EnforcementServices(EnforcementServices.BaseSettings);
        await stack.InitializeAsync();
        var apps = new ProductionApps(stack);
        var grants = new List<MemberGrant>();
        var made = new List<ProductionApp>();
        for (var a = 0; a < Apps; a++)
        {
            var app = await apps.CreateAsync("benign-" + a.ToString(CultureInfo.InvariantCulture));
            made.Add(app);
            for (var m = 0; m < MembersPerApp; m++)
            {
                grants.Add(await MemberGrants.AuthorizeAsync(stack, app, MemberGrants.NewMember("benign")));
            }
        }

        using var gateway = stack.GatewayClient();
        var traffic = new BenignTraffic(gateway, stack.AuthServer);
        var started = DateTimeOffset.UtcNow;
        await traffic.RunAsync(grants, Duration, Ct);

        var tally = string.Join(", ", traffic.Answers.OrderBy(a => a.Key).Select(a => $"{a.Key.ClientId} {a.Key.Status}: {a.Value}"));
        output.WriteLine($"{Duration.TotalMinutes} min from {started:O}: {tally}");
        Assert.All(traffic.Answers, a => Assert.Equal(200, a.Key.Status));
        Assert.All(traffic.Refreshes, r => Assert.Equal(200, r.Key.Status));
        Assert.True(traffic.Answers.Values.Sum() > grants.Count * Duration.TotalSeconds / 4, $"too little traffic to prove anything: {tally}");

        // The monitor has read everything up to the last request (its consumer stores in stream order) before the queue is judged.
        foreach (var app in made)
        {
            var grant = grants.First(g => g.App == app);
            await StoredUpToNowAsync(stack, gateway, grant, traffic.Tokens[grant]);
        }

        var reviews = new MonitorReviews(stack);
        var all = await reviews.AllAsync();
        Assert.True(all.Count == 0, "flags raised by benign traffic:\n" + string.Join('\n', all.Select(r => r.ToJsonString())));
        foreach (var app in made)
        {
            Assert.True(await apps.InGalleryAsync(app));
            Assert.Empty(OutboxMail.About(stack.Outbox, EnforcementServices.PlanContact, app));
        }

        foreach (var grant in grants)
        {
            Assert.Empty(OutboxMail.About(stack.Outbox, grant.MemberEmail, grant.App));
        }
    }

    /// <summary>Sends one more read as the grant's app and waits until the monitor has stored it (search by agent and time).</summary>
    private static async Task StoredUpToNowAsync(EnforcementServices stack, HttpClient gateway, MemberGrant grant, string token)
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/r4/Patient/{grant.Patient}", UriKind.Relative)))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await gateway.SendAsync(request, Ct);
        }

        using var monitor = stack.MonitorClient();
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            using var response = await monitor.GetAsync(new Uri($"/r4/AuditEvent?agent={Uri.EscapeDataString(grant.App.ClientId)}&date=ge{since}&_count=1", UriKind.Relative), Ct);
            return response.StatusCode == HttpStatusCode.OK
                && (JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))?["entry"]?.AsArray().Count ?? 0) > 0;
        }, MonitorReviews.Patience), $"the monitor never stored {grant.App.ClientId}'s last request:\n{stack.Logs("monitor")}");
    }
}
