using PatientAccess.Gateway.Scopes;

namespace PatientAccess.Gateway.Tests.Unit.Scopes;

public sealed class ScopeSetTests
{
    [Theory]
    [InlineData("patient/Coverage.read", "Coverage", true, true)]
    [InlineData("patient/*.*", "Coverage", true, true)]
    [InlineData("user/Coverage.rs", "Coverage", true, true)]
    [InlineData("patient/Coverage.cruds", "Coverage", true, true)]
    [InlineData("patient/Coverage.r", "Coverage", true, false)]
    [InlineData("patient/Coverage.s", "Coverage", false, true)]
    [InlineData("patient/Coverage.read", "Patient", false, false)]
    [InlineData("patient/Coverage.write", "Coverage", false, false)]
    [InlineData("patient/Coverage.cud", "Coverage", false, false)]
    [InlineData("patient/Coverage.sr", "Coverage", false, false)]
    [InlineData("system/*.read", "Coverage", false, false)]
    [InlineData("patient/Coverage.rs?status=active", "Coverage", false, false)]
    public void Allowing_Scope_ReadAndSearchAsSmartDefines(string scope, string type, bool read, bool search)
    {
        var set = ScopeSet.Parse([scope]);

        Assert.Equal(read, set.Allows(type, search: false));
        Assert.Equal(search, set.Allows(type, search: true));
    }
}
