using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Tokens;

namespace PatientAccess.AuthServer.Tests.Unit.Authorize;

public sealed class TestFlowTests
{
    [Fact]
    public void Marker_IsNoS256Challenge_SoNoStandardRequestCarriesIt() => Assert.False(Pkce.IsValidChallenge(TestFlow.Marker));

    [Theory]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")]
    [InlineData(TestFlow.Marker)]
    [InlineData("test-flow:no-pkce-test-flow:no-pkce-test-flow:no-pkce")]
    public void Verify_AnyVerifierAgainstTheMarker_False(string verifier) => Assert.False(Pkce.Verify(verifier, TestFlow.Marker));

    [Theory]
    [InlineData(TestFlow.Marker, true)]
    [InlineData("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", false)]
    [InlineData("TEST-FLOW:NO-PKCE", false)]
    [InlineData(null, false)]
    public void IsMarked_OnlyTheMarker(string? challenge, bool expected) => Assert.Equal(expected, TestFlow.IsMarked(challenge));
}
