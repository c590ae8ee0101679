using PatientAccess.Gateway.Methods;

namespace PatientAccess.Gateway.Tests.Unit.Methods;

public sealed class RequestTargetRuleTests
{
    [Theory]
    [InlineData("/r4/Patient/1")]
    [InlineData("/r4/Observation?code=http://loinc.org|1234-5&date=ge2020")]
    [InlineData("/r4/Patient/a%20b")]
    [InlineData("/r4/Observation?note=..%2F..")]
    public void Check_PlainTarget_Accepted(string target) => Assert.Null(RequestTargetRule.Check(target));

    [Theory]
    [InlineData("http://evil/r4/Patient")]
    [InlineData("*")]
    [InlineData("/r4/../admin")]
    [InlineData("/r4/./Patient")]
    [InlineData("/r4/Patient/%2E%2E")]
    [InlineData("/r4/Patient%2f1")]
    [InlineData("/r4/Patient/%252e%252e")]
    [InlineData("/r4\\Patient")]
    [InlineData("/r4/Patient/1%00")]
    public void Check_AmbiguousTarget_Refused(string target) => Assert.NotNull(RequestTargetRule.Check(target));
}
