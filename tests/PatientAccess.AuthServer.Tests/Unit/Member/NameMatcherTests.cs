using PatientAccess.AuthServer.Member.Identity;

namespace PatientAccess.AuthServer.Tests.Unit.Member;

public sealed class NameMatcherTests
{
    [Theory]
    [InlineData("José", "jose")]
    [InlineData("SOFÍA", "Sofía")]
    [InlineData("  maría  ", "Maria")]
    [InlineData("Mary  Ann", "mary ann")]
    [InlineData("Zoë", "ZOE")]
    public void Same_CaseAndAccentsDiffer_Matches(string typed, string recorded) => Assert.True(NameMatcher.Same(typed, recorded));

    [Theory]
    [InlineData("Jo", "José")]
    [InlineData("Allen", "Allena")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("Allen%", "Allen")]
    public void Same_DifferentNames_DoesNotMatch(string typed, string recorded) => Assert.False(NameMatcher.Same(typed, recorded));
}
