using Microsoft.Extensions.Primitives;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Tests.Unit.Protocol;

public sealed class OAuthParametersTests
{
    [Fact]
    public void From_RepeatedParameter_RecordsProblemAndHidesValue()
    {
        var parameters = OAuthParameters.From([new("scope", new StringValues(["a", "b"])), new("state", "s")]);
        Assert.Null(parameters["scope"]);
        Assert.Equal("parameter 'scope' is repeated", parameters.ProblemWith("scope"));
        Assert.Equal("s", parameters["state"]);
        Assert.NotNull(parameters.FirstProblem());
        Assert.Null(parameters.FirstProblem("scope"));
    }

    [Fact]
    public void From_OversizedValue_RecordsProblem()
    {
        var parameters = OAuthParameters.From([new("state", new string('x', ProtocolLimits.MaxParameterLength + 1))]);
        Assert.Equal("parameter 'state' is too long", parameters.ProblemWith("state"));
    }

    [Fact]
    public void From_ControlCharacters_RecordsProblem()
    {
        var parameters = OAuthParameters.From([new("code", "abc\0def")]);
        Assert.NotNull(parameters.ProblemWith("code"));
    }

    [Fact]
    public void From_EmptyValue_PresentButNull()
    {
        var parameters = OAuthParameters.From([new("code_verifier", string.Empty)]);
        Assert.True(parameters.Has("code_verifier"));
        Assert.Null(parameters["code_verifier"]);
    }

    [Fact]
    public void From_TooManyParameters_GeneralProblem()
    {
        var parameters = OAuthParameters.From(Enumerable.Range(0, ProtocolLimits.MaxParameterCount + 1).Select(i => new KeyValuePair<string, StringValues>("p" + i, "v")));
        Assert.Equal("too many parameters", parameters.GeneralProblem);
    }

    [Fact]
    public void From_HostileParameterName_ProblemTextIsPrintableAscii()
    {
        var parameters = OAuthParameters.From([new("ñ'\"\\name", new StringValues(["1", "2"]))]);
        Assert.All(parameters.FirstProblem()!, c => Assert.InRange(c, ' ', '~'));
    }
}
