using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member.Consent;
using PatientAccess.AuthServer.Member.Identity;

namespace PatientAccess.AuthServer.Tests.Unit.Member;

public sealed class ProxyAccessPolicyTests
{
    private static readonly DateTimeOffset Today = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_Self_OfferedWhateverTheBirthDate()
    {
        Assert.True(Policy().Decide(new CoveredMember("p", "Ana Ruiz", CoveredMember.Self, null)).Offered);
    }

    [Fact]
    public void Decide_AdultSpouse_NotOfferedBecauseAdult()
    {
        var decision = Policy().Decide(new CoveredMember("s", "María Rivera", "spouse", "1986-09-03"));
        Assert.False(decision.Offered);
        Assert.Equal(ProxyAccessPolicy.AdultReason, decision.ReasonKey);
    }

    [Fact]
    public void Decide_AdultChild_NotOffered()
    {
        Assert.Equal(ProxyAccessPolicy.AdultReason, Policy().Decide(new CoveredMember("c", "Luis Rivera", "child", "2004-01-10")).ReasonKey);
    }

    [Fact]
    public void Decide_MinorChild_Offered()
    {
        Assert.True(Policy().Decide(new CoveredMember("c", "Sofía Rivera", "child", "2013-02-27")).Offered);
    }

    [Theory]
    [InlineData("2031-02-26T23:59:59Z", true)]
    [InlineData("2031-02-27T00:00:00Z", false)]
    public void Decide_ChildTurning18_OfferedUntilTheBirthday(string now, bool offered)
    {
        var policy = Policy(at: DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(offered, policy.Decide(new CoveredMember("c", "Sofía Rivera", "child", "2013-02-27")).Offered);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a date")]
    [InlineData("2013-02-30")]
    [InlineData("2013-2-3")]
    [InlineData("2030-01-01")]
    public void Decide_MissingUnreadableOrFutureBirthDate_NotOffered(string? birthDate)
    {
        var decision = Policy().Decide(new CoveredMember("c", "Sofía Rivera", "child", birthDate));
        Assert.False(decision.Offered);
        Assert.Equal(ProxyAccessPolicy.UnknownAgeReason, decision.ReasonKey);
    }

    [Theory]
    [InlineData("2008", false)]
    [InlineData("2008-06", false)]
    [InlineData("2008-07", true)]
    [InlineData("2009", true)]
    public void Decide_PartialBirthDate_ReadAsItsEarliestDay(string birthDate, bool offered)
    {
        // Today is 2026-06-01: "2008" may mean 1 January 2008, already 18; "2008-06" may mean 1 June 2008, 18 today.
        Assert.Equal(offered, Policy().Decide(new CoveredMember("c", "Kid", "child", birthDate)).Offered);
    }

    [Fact]
    public void Decide_MinorSpouseOrOtherRelationship_NotGuardianUnlessConfigured()
    {
        var ward = new CoveredMember("w", "Ward Doe", "other", "2015-01-01");
        Assert.Equal(ProxyAccessPolicy.NotGuardianReason, Policy().Decide(ward).ReasonKey);
        Assert.True(Policy(options => options.GuardianRelationships.Add("other")).Decide(ward).Offered);
    }

    [Fact]
    public void Decide_ConfiguredAdultAge_Used()
    {
        var sixteen = new CoveredMember("c", "Teen", "child", "2010-01-01");
        Assert.True(Policy().Decide(sixteen).Offered);
        Assert.False(Policy(options => options.AdultAge = 16).Decide(sixteen).Offered);
    }

    [Fact]
    public void ChoicesFor_SelfAll_MinorNoneByDefault()
    {
        var child = new CoveredMember("c", "Sofía Rivera", "child", "2013-02-27");
        Assert.Equal(SensitiveChoice.All, Policy().ChoicesFor(new CoveredMember("p", "José Rivera", CoveredMember.Self, "1984-04-12")));
        Assert.Empty(Policy().ChoicesFor(child));
        Assert.False(Policy().MayShare(child, ["PSY"]));
        Assert.True(Policy().MayShare(child, []));
    }

    [Fact]
    public void ChoicesFor_ConfiguredCategories_OnlyChoicesWhoseEveryCodeIsAllowed()
    {
        var child = new CoveredMember("c", "Sofía Rivera", "child", "2013-02-27");
        var policy = Policy(options =>
        {
            options.ProxyMayShareSensitive.Add("GDIS");
            options.ProxyMayShareSensitive.Add("PSY");
        });
        Assert.Equal(["genetic"], policy.ChoicesFor(child).Select(c => c.Key));
        Assert.True(policy.MayShare(child, ["GDIS"]));
        Assert.False(policy.MayShare(child, ["PSY", "MH"]));
        Assert.False(policy.MayShare(new CoveredMember("s", "María Rivera", "spouse", "1986-09-03"), []));
    }

    [Fact]
    public void AgeOn_LeapDayBirthday_TurnsAYearOlderOnTheTwentyEighth()
    {
        Assert.Equal(17, ProxyAccessPolicy.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 27)));
        Assert.Equal(18, ProxyAccessPolicy.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void Options_UnknownSensitiveCategoryOrSelf_Invalid()
    {
        var options = new ProxyAccessOptions();
        options.ProxyMayShareSensitive.Add("ETH");
        Assert.Empty(options.Validate(new ValidationContext(options)));
        options.ProxyMayShareSensitive.Add("psych");
        options.GuardianRelationships.Add("self");
        Assert.Equal(2, options.Validate(new ValidationContext(options)).Count());
    }

    private static ProxyAccessPolicy Policy(Action<ProxyAccessOptions>? configure = null, DateTimeOffset? at = null)
    {
        var options = new ProxyAccessOptions();
        configure?.Invoke(options);
        return new ProxyAccessPolicy(Options.Create(options), new FixedTimeProvider(at ?? Today));
    }
}
