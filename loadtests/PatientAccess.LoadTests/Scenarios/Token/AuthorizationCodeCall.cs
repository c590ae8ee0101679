using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Scenarios.Token;

/// <summary>Redeems one prepared authorization code per instance (grant_type=authorization_code with its PKCE verifier).</summary>
internal sealed class AuthorizationCodeCall(SmartEndpoints endpoints, DemoClient client, TokenPool<PreparedCode> codes) : ITokenCall
{
    public string ScenarioName => "token-authorization_code";

    public string StepName => "POST " + Endpoint.AbsolutePath;

    public Uri Endpoint => endpoints.Token;

    public string EmptyKind => TokenErrorKinds.NoCodeLeft;

    public HttpRequestMessage? NextRequest(ScenarioContext context) =>
        codes.TryTake(out var code) ? TokenRequests.CodeExchange(endpoints, client, code) : null;

    public StepResult Judge(int status, byte[] body) => TokenAnswer.JudgeTokens(status, body, wantRefreshToken: false, out _);
}
