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

    [Theory]
    [InlineData("patient/Patient.rs patient/Coverage.rs", "Patient,Coverage", "Patient,Coverage")]
    [InlineData("patient/Patient.read patient/Coverage.read", "Patient,Coverage", "Patient,Coverage")]
    [InlineData("patient/Patient.r patient/Coverage.s", "Patient", "Coverage")]
    [InlineData("patient/*.read", "*", "*")]
    [InlineData("patient/*.r patient/Coverage.s", "*", "Coverage")]
    [InlineData("patient/Coverage.rs user/Coverage.rs patient/*.s", "Coverage", "*")]
    [InlineData("patient/Coverage.write patient/Condition.cud openid", "", "")]
    [InlineData("patient/Condition.rs?category=problem-list-item", "", "")]
    public void Types_Scopes_TypesForTheMemberContext(string scopes, string read, string search)
    {
        var set = ScopeSet.Parse(scopes.Split(' '));

        Assert.Equal(read.Split(',', StringSplitOptions.RemoveEmptyEntries), set.ReadTypes);
        Assert.Equal(search.Split(',', StringSplitOptions.RemoveEmptyEntries), set.SearchTypes);
    }
}
