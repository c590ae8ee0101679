using PatientAccess.AuthServer.Scopes;

namespace PatientAccess.AuthServer.Tests.Unit.Scopes;

public sealed class ScopePolicyTests
{
    private static readonly string[] Allowance = ["launch/patient", "openid", "fhirUser", "offline_access", "patient/*.rs", "user/*.rs"];

    [Theory]
    [InlineData("patient/*.read", "patient/*.read")]
    [InlineData("patient/ExplanationOfBenefit.read", "patient/ExplanationOfBenefit.read")]
    [InlineData("user/*.read", "user/*.read")]
    [InlineData("patient/Coverage.rs", "patient/Coverage.rs")]
    [InlineData("patient/Coverage.r", "patient/Coverage.r")]
    [InlineData("patient/Observation.rs?category=laboratory", "patient/Observation.rs?category=laboratory")]
    [InlineData("launch/patient openid fhirUser offline_access", "launch/patient openid fhirUser offline_access")]
    public void Narrow_ReadScopes_GrantedAsRequested(string requested, string expected)
    {
        var (granted, error) = ScopePolicy.Narrow(requested, Allowance);
        Assert.Null(error);
        Assert.Equal(expected, granted);
    }

    [Theory]
    [InlineData("patient/*.write", "")]
    [InlineData("patient/*.*", "patient/*.read")]
    [InlineData("patient/Coverage.cruds", "patient/Coverage.rs")]
    [InlineData("patient/Coverage.cud", "")]
    [InlineData("patient/Coverage.crs", "patient/Coverage.rs")]
    [InlineData("system/*.read", "")]
    [InlineData("profile patient/*.read", "patient/*.read")]
    [InlineData("patient/*.read patient/*.read", "patient/*.read")]
    public void Narrow_WriteOrUnallowedScopes_DroppedOrReducedToReadSearch(string requested, string expected)
    {
        var (granted, error) = ScopePolicy.Narrow(requested, Allowance);
        Assert.Null(error);
        Assert.Equal(expected, granted);
    }

    [Theory]
    [InlineData("patient/Foo.read")]
    [InlineData("patient/*.sr")]
    [InlineData("patient/*.x")]
    [InlineData("admin")]
    [InlineData("patient/*.read;DROP TABLE clients")]
    [InlineData("patient/Patient.read?x=1")]
    [InlineData("ñ/*.read")]
    public void Narrow_UnknownScope_ReportsInvalidScope(string requested)
    {
        var (granted, error) = ScopePolicy.Narrow(requested, Allowance);
        Assert.Null(granted);
        Assert.StartsWith("unknown scope", error, StringComparison.Ordinal);
        Assert.All(error!, c => Assert.InRange(c, ' ', '~'));
    }

    [Fact]
    public void Narrow_ClientAllowedOnlyCoverage_DropsOtherTypes()
    {
        var (granted, _) = ScopePolicy.Narrow("patient/Coverage.read patient/Patient.read", ["patient/Coverage.rs"]);
        Assert.Equal("patient/Coverage.read", granted);
    }

    [Theory]
    [InlineData("openid patient/*.read", "openid fhirUser patient/*.read", true)]
    [InlineData("openid user/*.read", "openid patient/*.read", false)]
    public void IsSubset_Scopes_ComparesTokens(string subset, string superset, bool expected) =>
        Assert.Equal(expected, ScopePolicy.IsSubset(subset, superset));
}
