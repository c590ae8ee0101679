using System.Net;
using System.Text.Json.Nodes;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// The story every detector test tells, on apps and members of its own: a misbehaving production
/// app with two members' grants and a well-behaved one with a member of its own; after the
/// misbehaviour, what security staff and members can see: the flag in the review queue, the
/// gateway refusing the app's tokens, one e-mail per member and one to the plan's contact, the app
/// gone from the gallery, the well-behaved app untouched; then staff reinstate the app and a new
/// authorization works while the old tokens stay dead.
/// </summary>
internal sealed class EnforcementScenario : IDisposable
{
    private readonly EnforcementServices _stack;
    private readonly HttpClient _gateway;

    private EnforcementScenario(EnforcementServices stack, HttpClient gateway, ProductionApps apps)
    {
        _stack = stack;
        _gateway = gateway;
        Apps = apps;
        Requests = new AppRequests(gateway);
        Reviews = new MonitorReviews(stack);
    }

    public ProductionApps Apps { get; }

    public AppRequests Requests { get; }

    public MonitorReviews Reviews { get; }

    public ProductionApp Bad { get; private set; } = null!;

    public ProductionApp Good { get; private set; } = null!;

    /// <summary>The misbehaving app's two members' grants: the first member reads English, the second Spanish.</summary>
    public IReadOnlyList<MemberGrant> BadGrants { get; private set; } = [];

    public MemberGrant GoodGrant { get; private set; } = null!;

    /// <summary>Two production apps, two members for the one that will misbehave and one for the other; every token reads at first.</summary>
    public static async Task<EnforcementScenario> StartAsync(EnforcementServices stack, string label)
    {
        var scenario = new EnforcementScenario(stack, stack.GatewayClient(), new ProductionApps(stack));
        scenario.Bad = await scenario.Apps.CreateAsync(label + "-bad");
        scenario.Good = await scenario.Apps.CreateAsync(label + "-good");
        scenario.BadGrants =
        [
            await MemberGrants.AuthorizeAsync(stack, scenario.Bad, MemberGrants.NewMember(label + "-a")),
            await MemberGrants.AuthorizeAsync(stack, scenario.Bad, MemberGrants.NewMember(label + "-b"), language: "es"),
        ];
        scenario.GoodGrant = await MemberGrants.AuthorizeAsync(stack, scenario.Good, MemberGrants.NewMember(label + "-good"));
        foreach (var grant in scenario.BadGrants.Append(scenario.GoodGrant))
        {
            Assert.All(await scenario.Requests.ReadOwnAsync(grant), s => Assert.Equal(HttpStatusCode.OK, s));
        }

        return scenario;
    }

    /// <summary>The flag <paramref name="detector"/> raised for the misbehaving app once its action ran; fails the test with the services' logs when none came.</summary>
    public async Task<JsonObject> FlagAsync(string detector, string expectedAction)
    {
        // A suspension's flag is read once the authserver has reported its steps (or the call failed).
        var flag = await Reviews.WaitForFlagAsync(Bad.ClientId, detector,
            f => (string?)f["action"] == expectedAction
                && ((string?)f["action"] != ActionSuspendOrRevoke || (f["steps"]?.AsArray().Count ?? 0) > 0 || (string?)f["state"] == "failed"));
        Assert.True(flag is not null, $"no {detector} flag with action {expectedAction} for {Bad.ClientId} within {MonitorReviews.Patience}: {string.Join(", ", (await Reviews.ForAsync(Bad.ClientId)).Select(f => f.ToJsonString()))}\n{_stack.Logs("monitor", "authserver")}");
        Assert.Equal(expectedAction, (string?)flag["action"]);
        var evidence = flag["evidence"]!.AsObject();
        Assert.True((long)evidence["count"]! >= 1, flag.ToJsonString());
        Assert.True((int)evidence["window_seconds"]! > 0, flag.ToJsonString());
        Assert.False(string.IsNullOrWhiteSpace((string?)flag["explanation"]), flag.ToJsonString());
        return flag;
    }

    private const string ActionSuspendOrRevoke = "suspend";

    /// <summary>Suspended everywhere: every step done, the gateway refuses both members' tokens, one e-mail each and one to the plan, out of the gallery.</summary>
    public async Task AssertSuspendedAsync(JsonObject flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        Assert.Equal("open", (string?)flag["state"]);
        foreach (var step in new[] { "credentials", "tokens", "member_emails", "contact_emails", "gallery" })
        {
            Assert.True((string?)MonitorReviews.Step(flag, step)?["state"] == "done", $"step {step}: {flag.ToJsonString()}");
        }

        Assert.Equal(2, (int?)MonitorReviews.Step(flag, "member_emails")?["count"]);
        foreach (var grant in BadGrants)
        {
            Assert.True(await Eventually.TrueAsync(async () => (await Requests.ReadOwnAsync(grant)).All(s => s == HttpStatusCode.Unauthorized), TimeSpan.FromSeconds(10)),
                $"the gateway still serves {grant.MemberEmail}'s token of {Bad.ClientId}");
        }

        await AssertOneMailEachAsync(Bad, [.. BadGrants.Select(g => g.MemberEmail), EnforcementServices.PlanContact]);
        AssertMembersLanguages();
        Assert.False(await Apps.InGalleryAsync(Bad), $"{Bad.ClientId} is still in the gallery");
        await AssertGoodUntouchedAsync();
    }

    /// <summary>
    /// Throttled: the gateway limits the app below its normal limit, so even the other member's
    /// token (a bucket of its own, barely used so far), read one request after another, is soon
    /// refused with 429 naming the security monitoring (the gateway says so only when the
    /// monitor's throttle applied); nothing else happens to the app.
    /// </summary>
    public async Task AssertThrottledAsync(JsonObject flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var answers = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 30; i++)
        {
            answers.Add(await Requests.SendForBodyAsync(BadGrants[1].AccessToken, HttpMethod.Get, $"/r4/Patient/{BadGrants[1].Patient}"));
        }

        Assert.Contains(answers, a => a.Status == HttpStatusCode.TooManyRequests && a.Body.Contains("security monitoring", StringComparison.Ordinal));
        Assert.True(await Apps.InGalleryAsync(Bad));
        Assert.Empty(OutboxMail.About(_stack.Outbox, BadGrants[0].MemberEmail, Bad));
        await AssertGoodUntouchedAsync();
    }

    /// <summary>The well-behaved app: its member's token still reads, it is still in the gallery, and the monitor never flagged it.</summary>
    public async Task AssertGoodUntouchedAsync()
    {
        Assert.All(await Requests.ReadOwnAsync(GoodGrant), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(await Apps.InGalleryAsync(Good));
        Assert.Empty(await Reviews.ForAsync(Good.ClientId));
        Assert.Empty(OutboxMail.About(_stack.Outbox, GoodGrant.MemberEmail, Good));
    }

    /// <summary>Staff reinstate the app at the monitor: back in the gallery, old tokens still refused, a new member's authorization reads.</summary>
    public async Task AssertReinstatedAsync()
    {
        var (status, body) = await Reviews.DecideAsync(Bad.ClientId, "reinstate", "Reviewed the evidence with the developer; fixed.");
        Assert.True(status == HttpStatusCode.OK, $"reinstate answered {(int)status}: {body?.ToJsonString()}\n{_stack.Logs("monitor", "authserver")}");
        Assert.Equal(Bad.ClientId, (string?)body?["client_id"]);
        Assert.True(await Eventually.TrueAsync(() => Apps.InGalleryAsync(Bad), TimeSpan.FromSeconds(10)), $"{Bad.ClientId} did not return to the gallery");
        foreach (var grant in BadGrants)
        {
            Assert.All(await Requests.ReadOwnAsync(grant), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        }

        var fresh = await MemberGrants.AuthorizeAsync(_stack, Bad, MemberGrants.NewMember("after-reinstate"));
        // The app's own rate-limit bucket may still be empty from its burst (it refills at the app's
        // rate, not at reinstatement): the new member's reads succeed once it has refilled.
        IReadOnlyList<HttpStatusCode> statuses = [];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            statuses = await Requests.ReadOwnAsync(fresh);
            return statuses.All(s => s == HttpStatusCode.OK);
        }, TimeSpan.FromSeconds(30)), $"a new member's reads after reinstatement answered {string.Join(", ", statuses)} "
            + $"({(await Requests.SendForBodyAsync(fresh.AccessToken, HttpMethod.Get, $"/r4/Patient/{fresh.Patient}")).Body}); the app's flags: "
            + $"{string.Join(", ", (await Reviews.ForAsync(Bad.ClientId)).Select(f => f.ToJsonString()))}\n{_stack.Logs("monitor", "authserver", "gateway")}");
        Assert.Contains(await Reviews.ForAsync(Bad.ClientId), r => (string?)r["state"] == "reinstated");
    }

    public void Dispose() => _gateway.Dispose();

    /// <summary>Each member's notice is in the member's language: English for the first, Spanish for the second.</summary>
    public void AssertMembersLanguages()
    {
        var english = OutboxMail.About(_stack.Outbox, BadGrants[0].MemberEmail, Bad).Single();
        var spanish = OutboxMail.About(_stack.Outbox, BadGrants[1].MemberEmail, Bad).Single();
        Assert.StartsWith("en", english.Language, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("es", spanish.Language, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(english.Subject, spanish.Subject);
    }

    /// <summary>Each address gets exactly one e-mail about the app (waits for all of them first).</summary>
    public async Task AssertOneMailEachAsync(ProductionApp app, IReadOnlyList<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(addresses);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(addresses.All(a => OutboxMail.About(_stack.Outbox, a, app).Count > 0)), TimeSpan.FromSeconds(30)),
            $"not every one of {string.Join(", ", addresses)} got an e-mail about {app.Name}:\n{_stack.Logs("authserver")}");
        foreach (var address in addresses)
        {
            var mails = OutboxMail.About(_stack.Outbox, address, app);
            Assert.True(mails.Count == 1, $"{address} got {mails.Count} e-mails about {app.Name}: {string.Join(", ", mails.Select(m => m.Subject))}");
        }
    }
}
