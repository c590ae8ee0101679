using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Scenarios.Token;
using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Tests.Unit.Scenarios.Token;

public class RefreshTokenCallTests
{
    private static readonly SmartEndpoints Endpoints = new(new Uri("http://127.0.0.1:5001"));
    private static readonly DemoClient App = new("demo-public-app", null, new Uri("http://127.0.0.1:8765/callback"));
    private static readonly ScenarioContext Context = new("token-refresh_token", 0, TimeSpan.Zero);

    [Fact]
    public async Task NextRequest_TakesTheOldestTokenOut()
    {
        var pool = new TokenPool<string>(["first", "second"]);
        var call = new RefreshTokenCall(Endpoints, App, pool);

        using var request = call.NextRequest(Context);

        Assert.Equal(new Uri("http://127.0.0.1:5001/oauth2/token"), request!.RequestUri);
        var form = await request.Content!.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal("grant_type=refresh_token&refresh_token=first&client_id=demo-public-app", form);
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Judge_GoodAnswer_RotatedTokenGoesBack()
    {
        var pool = new TokenPool<string>(["old"]);
        var call = new RefreshTokenCall(Endpoints, App, pool);
        using var request = call.NextRequest(Context);

        var result = call.Judge(200, """{"access_token":"at","refresh_token":"new"}"""u8.ToArray());

        Assert.True(result.IsOk);
        Assert.True(pool.TryTake(out var back));
        Assert.Equal("new", back);
    }

    [Theory]
    [InlineData(400, """{"error":"invalid_grant"}""")]
    [InlineData(200, """{"access_token":"at"}""")]
    [InlineData(200, """{"refresh_token":"new"}""")]
    public void Judge_FailedRefresh_TokenIsNotPutBack(int status, string body)
    {
        var pool = new TokenPool<string>(["old"]);
        var call = new RefreshTokenCall(Endpoints, App, pool);
        using var request = call.NextRequest(Context);

        var result = call.Judge(status, System.Text.Encoding.UTF8.GetBytes(body));

        Assert.False(result.IsOk);
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public async Task Step_EmptyPool_FailsWithItsOwnKindWithoutSending()
    {
        using var scenario = new TokenEndpointScenario(new RefreshTokenCall(new SmartEndpoints(new Uri("http://127.0.0.1:1")), App, new TokenPool<string>([])));

        var result = await scenario.Scenario.Steps[0].Run(Context, TestContext.Current.CancellationToken);

        Assert.Equal(StepResult.Error(TokenErrorKinds.RefreshPoolEmpty), result);
        Assert.Equal("POST /oauth2/token", scenario.Scenario.Steps[0].Name);
        Assert.Equal("token-refresh_token", scenario.Scenario.Name);
    }
}
