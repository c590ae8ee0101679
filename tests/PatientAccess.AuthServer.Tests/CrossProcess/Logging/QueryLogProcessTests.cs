using System.Net;
using System.Net.Http.Headers;
using PatientAccess.AuthServer.Tests.Integration;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.CrossProcess.Logging;

/// <summary>
/// Issue 15: the authserver's log was mostly database query text. The real process with its
/// shipped appsettings.json logs at Information, yet a run of requests that each query the
/// database leaves no SQL in its output; the refusal lines it must write are there.
/// </summary>
public sealed class QueryLogProcessTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("pa-querylog-").FullName;
    private RedisServer _redis = null!;
    private ServiceProcess _server = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _server = ServiceProcess.Start(ServiceName.AuthServer, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = _data,
            ["Redis__ConnectionString"] = _redis.ConnectionString,
        });
        Assert.True(await _server.WaitReadyAsync(TimeSpan.FromSeconds(60)), _server.Output);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _redis.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Requests_DefaultLogging_NoQueryTextButRefusalsLogged()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        using (var gallery = await http.GetAsync(new Uri("/api/gallery", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, gallery.StatusCode);
        }

        using (var admin = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/clients", UriKind.Relative)))
        {
            admin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
            using var list = await http.SendAsync(admin, ct);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }

        using (var token = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative)))
        {
            token.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "made-up-refresh-token" });
            token.Headers.Authorization = SmartApp.Basic("demo-confidential-app", "wrong-secret-value");
            using var refused = await http.SendAsync(token, ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (var authorize = await http.GetAsync(new Uri("/oauth2/authorize?client_id=nobody&redirect_uri=https%3A%2F%2Fx.example%2Fcb", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, authorize.StatusCode);
        }

        // The refusal lines show the log is being written and read; the query text must not be in it.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(_server.Output.Contains("Refused authorize.refused", StringComparison.Ordinal)), TimeSpan.FromSeconds(10)), _server.Output);
        var output = _server.Output;
        Assert.Contains("wrong client secret", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", output, StringComparison.Ordinal);
        Assert.DoesNotContain("SELECT ", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("FROM \"clients\"", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wrong-secret-value", output, StringComparison.Ordinal);
        Assert.DoesNotContain("made-up-refresh-token", output, StringComparison.Ordinal);
    }
}
