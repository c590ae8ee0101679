using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Scenarios.Token;

/// <summary>
/// Refreshes one pooled refresh token per instance. The server rotates refresh tokens, so only the
/// new one from a good answer goes back into the pool. A token whose refresh failed or timed out
/// is dropped, never retried: the server may already have rotated it, and presenting it again
/// would look like theft and revoke its whole grant (RFC 9700 §4.14.2).
/// </summary>
internal sealed class RefreshTokenCall(SmartEndpoints endpoints, DemoClient client, TokenPool<string> pool) : ITokenCall
{
    public string ScenarioName => "token-refresh_token";

    public string StepName => "POST " + Endpoint.AbsolutePath;

    public Uri Endpoint => endpoints.Token;

    public string EmptyKind => TokenErrorKinds.RefreshPoolEmpty;

    public HttpRequestMessage? NextRequest(ScenarioContext context) =>
        pool.TryTake(out var token) ? TokenRequests.Refresh(endpoints, client, token) : null;

    public StepResult Judge(int status, byte[] body)
    {
        var result = TokenAnswer.JudgeTokens(status, body, wantRefreshToken: true, out var rotated);
        if (result.IsOk)
        {
            pool.Add(rotated!);
        }

        return result;
    }
}
