using PatientAccess.AuthServer.Tokens;

namespace PatientAccess.AuthServer.Tests.Unit.Tokens;

public sealed class PkceTests
{
    // RFC 7636 Appendix B.
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [Fact]
    public void ChallengeOf_RfcExample_MatchesAppendixB() => Assert.Equal(Challenge, Pkce.ChallengeOf(Verifier));

    [Fact]
    public void Verify_RightVerifier_True() => Assert.True(Pkce.Verify(Verifier, Challenge));

    [Theory]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXj")]
    [InlineData("short")]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk!")]
    [InlineData("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")]
    public void Verify_WrongMalformedOrChallengeItself_False(string verifier) => Assert.False(Pkce.Verify(verifier, Challenge));

    [Theory]
    [InlineData("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", true)]
    [InlineData("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c", false)]
    [InlineData("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM", false)]
    public void IsValidChallenge_Text_Requires43Base64UrlCharacters(string challenge, bool expected) =>
        Assert.Equal(expected, Pkce.IsValidChallenge(challenge));
}
