using PatientAccess.Monitor.Actions;

namespace PatientAccess.Monitor.Tests.Unit.Actions;

/// <summary>Reading the authserver's answers (contract 1): the steps, the RFC 6749 errors, and anything else as a failure to retry.</summary>
public sealed class EnforcementClientTests
{
    [Fact]
    public void Parse_Done_StatusAndStepsInOrder()
    {
        var result = EnforcementClient.Parse(200, """
            {"action_id":"a","client_id":"c","status":"suspended","replayed":false,"steps":[
              {"name":"credentials","state":"done","at":"2026-12-07T12:00:00Z","count":null},
              {"name":"tokens","state":"done","at":"2026-12-07T12:00:00.010Z","count":7},
              {"name":"member_emails","state":"failed","at":"2026-12-07T12:00:00.020Z","count":0}]}
            """);

        Assert.True(result.Succeeded);
        Assert.Equal("suspended", result.ClientStatus);
        Assert.Equal(["credentials", "tokens", "member_emails"], result.Steps.Select(s => s.Name));
        Assert.Equal(7, result.Steps[1].Count);
        Assert.Null(result.Steps[0].Count);
        // A failed step is re-run by asking again with the same action_id.
        Assert.True(result.Retryable);
    }

    [Fact]
    public void Parse_Conflict_NotRetriedWithTheDescription()
    {
        var result = EnforcementClient.Parse(409, """{"error":"invalid_request","error_description":"the client is already suspended"}""");
        Assert.Equal(409, result.StatusCode);
        Assert.False(result.Retryable);
        Assert.Equal("the client is already suspended", result.Error);
    }

    [Theory]
    [InlineData(503, """{"error":"temporarily_unavailable"}""")]
    [InlineData(200, "<html>proxy error</html>")]
    [InlineData(200, """{"status":7,"steps":[]}""")]
    [InlineData(401, """{"error":"invalid_client"}""")]
    public void Parse_UnavailableOrNonsense_Retried(int status, string body)
    {
        var result = EnforcementClient.Parse(status, body);
        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
    }
}
