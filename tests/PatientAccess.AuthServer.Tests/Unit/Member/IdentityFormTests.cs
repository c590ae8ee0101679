using PatientAccess.AuthServer.Member.Identity;
using PatientAccess.AuthServer.Member.Localization;

namespace PatientAccess.AuthServer.Tests.Unit.Member;

public sealed class IdentityFormTests
{
    [Theory]
    [InlineData("John", "Allen", "1950-10-19", "123456789123", "02114", true)]
    [InlineData("John", "Allen", "1950-10-19", "123456789123", "02114-1234", true)]
    [InlineData("John", "Allen", "19/10/1950", "123456789123", "02114", false)]
    [InlineData("John", "Allen", "10/19/1950", "123456789123", "02114", true)]
    [InlineData("John", "Allen", "1/2/1950", "123456789123", "02114", true)]
    [InlineData("John", "Allen", "13/01/1950", "123456789123", "02114", false)]
    [InlineData("John", "Allen", "2999-01-01", "123456789123", "02114", false)]
    [InlineData("John", "Allen", "1950-10-19", "1234'; --", "02114", false)]
    [InlineData("John", "Allen", "1950-10-19", "123456789123", "0211", false)]
    [InlineData("\u0000", "Allen", "1950-10-19", "123456789123", "02114", false)]
    [InlineData("123", "Allen", "1950-10-19", "123456789123", "02114", false)]
    public void Validate_Shapes(string first, string last, string birth, string memberId, string zip, bool valid)
    {
        var (claim, errors) = new IdentityForm(first, last, birth, memberId, zip).Validate(MemberText.For("en"), new DateOnly(2026, 1, 1));
        Assert.Equal(valid, claim is not null);
        Assert.Equal(valid, errors.Count == 0);
    }
}
