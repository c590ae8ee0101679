using System.Text;
using PatientAccess.LoadTests.Engine;
using PatientAccess.LoadTests.Scenarios.Token;

namespace PatientAccess.LoadTests.Tests.Unit.Scenarios.Token;

public class TokenAnswerTests
{
    [Theory]
    [InlineData(200, """{"access_token":"a","token_type":"Bearer"}""", "200", true)]
    [InlineData(200, """{"token_type":"Bearer"}""", TokenErrorKinds.NoAccessToken, false)]
    [InlineData(200, """{"access_token":42}""", TokenErrorKinds.NoAccessToken, false)]
    [InlineData(200, "<html>ok</html>", TokenErrorKinds.NotJson, false)]
    [InlineData(200, "[]", TokenErrorKinds.NotJson, false)]
    [InlineData(400, """{"error":"invalid_grant"}""", "400", false)]
    [InlineData(503, "", "503", false)]
    public void JudgeTokens_Answer_OkOnlyWithAnAccessToken(int status, string body, string outcome, bool ok)
    {
        var result = TokenAnswer.JudgeTokens(status, Encoding.UTF8.GetBytes(body), wantRefreshToken: false, out _);

        Assert.Equal(ok, result.IsOk);
        Assert.Equal(outcome, result.OutcomeKey);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), result.Bytes);
    }

    [Fact]
    public void JudgeTokens_RefreshWanted_RotatedTokenHandedBackOrFailure()
    {
        var withoutRefresh = """{"access_token":"a"}"""u8.ToArray();
        var ok = TokenAnswer.JudgeTokens(200, """{"access_token":"a","refresh_token":"next"}"""u8.ToArray(), wantRefreshToken: true, out var rotated);
        var missing = TokenAnswer.JudgeTokens(200, withoutRefresh, wantRefreshToken: true, out var none);

        Assert.True(ok.IsOk);
        Assert.Equal("next", rotated);
        Assert.Equal(StepResult.Error(TokenErrorKinds.NoRefreshToken, withoutRefresh.Length), missing);
        Assert.Null(none);
    }

    [Theory]
    [InlineData(200, """{"active":true,"scope":"openid"}""", "200", true)]
    [InlineData(200, """{"active":false}""", TokenErrorKinds.Inactive, false)]
    [InlineData(200, """{"active":"true"}""", TokenErrorKinds.Inactive, false)]
    [InlineData(200, "not json", TokenErrorKinds.NotJson, false)]
    [InlineData(401, """{"error":"invalid_client"}""", "401", false)]
    public void JudgeIntrospection_Answer_OkOnlyWhenActive(int status, string body, string outcome, bool ok)
    {
        var result = TokenAnswer.JudgeIntrospection(status, Encoding.UTF8.GetBytes(body));

        Assert.Equal(ok, result.IsOk);
        Assert.Equal(outcome, result.OutcomeKey);
    }
}
