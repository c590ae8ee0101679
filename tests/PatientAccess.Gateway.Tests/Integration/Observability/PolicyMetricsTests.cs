using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.Integration.Observability;

/// <summary>
/// The per-app series security staff's dashboards and alerts read: refusals by app and reason,
/// refused countries, the revocation feed's last read. An app label only ever comes from a token
/// the gateway validated, so an outsider cannot mint series (or frame an app) with made-up tokens.
/// </summary>
public sealed partial class PolicyMetricsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_ValidatedAppRefusedForScope_CountedByAppAndReason()
    {
        using var client = fixture.Gateway.CreateClient();
        var token = fixture.Tokens.Create(TestTokens.Claims(clientId: "metrics-scope-app", scope: "patient/Coverage.read"));

        using var response = await client.SendAsync(GatewayFixture.Get($"/r4/Observation?patient={TestTokens.PatientId}", token), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var text = await MetricsAsync();
        Assert.True(Value(text, "patientaccess_gateway_app_refusals_total{client_id=\"metrics-scope-app\",reason=\"scope\"}") >= 1, text);
        Assert.True(Value(text, "patientaccess_gateway_app_requests_total{client_id=\"metrics-scope-app\"}") >= 1, text);
    }

    /// <summary>The abuse: tokens that do not validate, each naming a made-up app, must not become series of their own.</summary>
    [Fact]
    public async Task Metrics_ForgedTokensNamingMadeUpApps_NoSeriesForThemCountedAnonymous()
    {
        using var client = fixture.Gateway.CreateClient();
        var before = Value(await MetricsAsync(), "patientaccess_gateway_app_refusals_total{client_id=\"anonymous\",reason=\"token-invalid\"}");
        var madeUp = Enumerable.Range(0, 5).Select(i => $"made-up-app-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var clientId in madeUp)
        {
            using var forged = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", TestTokens.ForgedWithOtherKey(TestTokens.Claims(clientId: clientId))), Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        var text = await MetricsAsync();
        foreach (var clientId in madeUp)
        {
            Assert.DoesNotContain(clientId, text, StringComparison.Ordinal);
        }

        Assert.True(Value(text, "patientaccess_gateway_app_refusals_total{client_id=\"anonymous\",reason=\"token-invalid\"}") >= before + madeUp.Count, text);
    }

    /// <summary>
    /// Refused before the token step (here the country rule), a token this replica validated before
    /// is still its app's: the per-app country panel and the non-US alert need that.
    /// </summary>
    [Fact]
    public async Task Metrics_KnownTokenRefusedFromAbroad_GeoRefusalCountedForItsAppByCountry()
    {
        using var client = fixture.Gateway.CreateClient();
        var token = fixture.Tokens.Create(TestTokens.Claims(clientId: "metrics-geo-app"));
        using (var first = await client.SendAsync(GatewayFixture.Get($"/r4/Coverage?patient={TestTokens.PatientId}", token), Ct))
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, first.StatusCode);
        }

        using var response = await client.SendAsync(GatewayFixture.Get($"/r4/Coverage?patient={TestTokens.PatientId}", token, "193.0.6.139"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var text = await MetricsAsync();
        Assert.Matches(GeoSeries(), text);
        Assert.True(Value(text, "patientaccess_gateway_app_refusals_total{client_id=\"metrics-geo-app\",reason=\"geo\"}") >= 1, text);
        // Both requests are the app's: the one served and the one refused before the token step.
        Assert.Equal(2, Value(text, "patientaccess_gateway_app_requests_total{client_id=\"metrics-geo-app\"}"));
    }

    [Fact]
    public async Task Metrics_RevocationFeedRead_LastReadTimeIsRecent()
    {
        double lastRead = 0;
        var read = await Eventually.TrueAsync(async () =>
        {
            lastRead = Value(await MetricsAsync(), "patientaccess_gateway_revocation_feed_last_read_seconds");
            return lastRead > 0;
        }, TimeSpan.FromSeconds(30));

        Assert.True(read, "the gateway never reported reading the revocation feed");
        var age = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - lastRead;
        Assert.InRange(age, -5, 600);
    }

    private async Task<string> MetricsAsync()
    {
        using var management = fixture.Gateway.Server.CreateManagementClient();
        return await management.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
    }

    /// <summary>The sample value of one exact series line, 0 when absent.</summary>
    private static double Value(string exposition, string series)
    {
        var line = exposition.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""patientaccess_gateway_geo_refusals_total\{client_id="metrics-geo-app",country="[A-Z]{2}"\} [1-9]""")]
    private static partial Regex GeoSeries();
}
