using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// Issue 15's "Must show", one test per detector across real processes (./run.sh: redis-server,
/// fhir-store, authserver, gateway, monitor): an app misbehaves through the gateway (or at the
/// authserver), the monitor flags it and acts, and what staff, members and the public see follows
/// (<see cref="EnforcementScenario"/>). Settings: <see cref="EnforcementServices.Settings"/>.
/// </summary>
[Collection(EnforcementGroup.Name)]
public sealed class DetectorEndToEndTests(EnforcementServices stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAttempts_AppTriesWrites_SuspendedEverywhereThenReinstated()
    {
        using var scenario = await EnforcementScenario.StartAsync(stack, "writes");

        var answers = await scenario.Requests.WritesAsync(scenario.BadGrants[0], 6);

        Assert.All(answers, s => Assert.Equal(HttpStatusCode.MethodNotAllowed, s));
        await scenario.AssertSuspendedAsync(await scenario.FlagAsync("write-attempts", "suspend"));
        await scenario.AssertReinstatedAsync();
    }

    [Fact]
    public async Task TooManyRequests_AppBurstsPastItsLimit_ThrottledThenOnRepeatSuspendedEverywhereThenReinstated()
    {
        using var scenario = await EnforcementScenario.StartAsync(stack, "burst");

        var answers = await scenario.Requests.BurstAsync(scenario.BadGrants[0], 150);

        // First a throttle (the detector's default action): both gateways hold the app to the throttle.
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        var throttle = await scenario.FlagAsync("too-many-requests", "throttle");
        await scenario.AssertThrottledAsync(throttle);

        // The throttle runs out (its flag closes), the app goes on hammering: the repeat is a suspension.
        Assert.NotNull(await scenario.Reviews.WaitForFlagAsync(scenario.Bad.ClientId, "too-many-requests", f => (string?)f["state"] == "closed"));
        Assert.Contains(HttpStatusCode.TooManyRequests, await scenario.Requests.BurstAsync(scenario.BadGrants[0], 150));
        await scenario.AssertSuspendedAsync(await scenario.FlagAsync("too-many-requests", "suspend"));
        await scenario.AssertReinstatedAsync();
    }

    [Fact]
    public async Task NonUs_AppCalledFromAbroad_SuspendedEverywhereThenReinstated()
    {
        using var scenario = await EnforcementScenario.StartAsync(stack, "abroad");

        var answers = await scenario.Requests.FromAbroadAsync(scenario.BadGrants[0], 6);

        Assert.All(answers, s => Assert.Equal(HttpStatusCode.Forbidden, s));
        await scenario.AssertSuspendedAsync(await scenario.FlagAsync("non-us", "suspend"));
        await scenario.AssertReinstatedAsync();
    }

    [Fact]
    public async Task Erratic_AppScansIdsThatDoNotExist_SuspendedEverywhereThenReinstated()
    {
        using var scenario = await EnforcementScenario.StartAsync(stack, "scan");

        var answers = await scenario.Requests.ScanAsync(scenario.BadGrants[0], 25);

        // Not found until the monitor suspends the app, which may happen before the scan ends
        // (threshold: 10 distinct ids): from then on every answer is 401.
        var served = answers.TakeWhile(s => s == HttpStatusCode.NotFound).Count();
        Assert.True(served >= 10, $"answers: {string.Join(", ", answers)}");
        Assert.All(answers.Skip(served), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        await scenario.AssertSuspendedAsync(await scenario.FlagAsync("erratic", "suspend"));
        await scenario.AssertReinstatedAsync();
    }

    [Fact]
    public async Task TokenAbuse_RotatedRefreshTokenReused_SuspendedEverywhereThenReinstated()
    {
        using var scenario = await EnforcementScenario.StartAsync(stack, "stolen");
        var grant = scenario.BadGrants[0];
        Assert.NotNull(grant.RefreshToken);

        // The app (or a thief with its credentials) refreshes, then presents the rotated-out refresh token again.
        var (first, _) = await RefreshAsync(scenario.Bad, grant.RefreshToken!);
        var (again, error) = await RefreshAsync(scenario.Bad, grant.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Equal("invalid_grant", error);
        await scenario.AssertSuspendedAsync(await scenario.FlagAsync("token-abuse", "suspend"));
        await scenario.AssertReinstatedAsync();
    }

    [Fact]
    public async Task UnusualAuthorizations_NewAppGrantedByManyMembersAtOnce_FlaggedForReviewOnlyThenRevokedByStaff()
    {
        using var scenario = await EnforcementScenario.StartAsync(stack, "grants");

        // A burst of new members authorizing the app within one window (two already did).
        for (var i = 0; i < 4; i++)
        {
            await MemberGrants.AuthorizeAsync(stack, scenario.Bad, MemberGrants.NewMember("grants-burst"));
        }

        // A new app has no history: its flag goes to review, and nothing is done to it automatically.
        var flag = await scenario.FlagAsync("unusual-authorizations", "alert");
        Assert.Equal("alert", (string?)flag["state"]);
        Assert.Equal(0, (int?)flag["evidence"]?["history_windows"]);
        Assert.NotNull((double?)flag["evidence"]?["probability"]);
        foreach (var grant in scenario.BadGrants)
        {
            Assert.All(await scenario.Requests.ReadOwnAsync(grant), s => Assert.Equal(HttpStatusCode.OK, s));
        }

        Assert.True(await scenario.Apps.InGalleryAsync(scenario.Bad));

        // Staff judge it and revoke the app for good: the cascade runs once, and it cannot be reinstated.
        var (status, body) = await scenario.Reviews.DecideAsync(scenario.Bad.ClientId, "revoke", "Grants bought from a data broker.");
        Assert.True(status == HttpStatusCode.OK, $"revoke answered {(int)status}: {body?.ToJsonString()}\n{stack.Logs("monitor", "authserver")}");
        Assert.Equal("revoked", (string?)body?["status"]);
        foreach (var grant in scenario.BadGrants)
        {
            Assert.True(await PatientAccess.Testing.Eventually.TrueAsync(async () => (await scenario.Requests.ReadOwnAsync(grant)).All(s => s == HttpStatusCode.Unauthorized), TimeSpan.FromSeconds(10)));
        }

        Assert.False(await scenario.Apps.InGalleryAsync(scenario.Bad));
        await scenario.AssertOneMailEachAsync(scenario.Bad, [.. scenario.BadGrants.Select(g => g.MemberEmail), EnforcementServices.PlanContact]);
        scenario.AssertMembersLanguages();
        await scenario.AssertGoodUntouchedAsync();
        var (reinstate, _) = await scenario.Reviews.DecideAsync(scenario.Bad.ClientId, "reinstate", "Trying to undo a revocation.");
        Assert.Equal(HttpStatusCode.Conflict, reinstate);
        var refused = await MemberGrants.TryAuthorizeAsync(stack, scenario.Bad, MemberGrants.NewMember("after-revoke"));
        Assert.Null(refused.Grant);
    }

    /// <summary><c>POST /oauth2/token</c> with grant_type=refresh_token as the app (client_secret_basic); the status and the OAuth error.</summary>
    private async Task<(HttpStatusCode Status, string? Error)> RefreshAsync(ProductionApp app, string refreshToken)
    {
        using var http = stack.AuthServerClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "refresh_token"), new("refresh_token", refreshToken)]),
        };
        var pair = Uri.EscapeDataString(app.ClientId) + ":" + Uri.EscapeDataString(app.Secret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pair)));
        using var response = await http.SendAsync(request, Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (response.StatusCode, (string?)body?["error"]);
    }
}
