using PatientAccess.AuthServer.Scopes;

namespace PatientAccess.AuthServer.Tests.Unit.Scopes;

public sealed class ScopeContainmentTests
{
    [Theory]
    [InlineData("patient/Observation.read", "patient/*.read")]
    [InlineData("patient/Observation.rs", "patient/*.rs")]
    [InlineData("patient/Observation.rs", "patient/Observation.read")]
    [InlineData("patient/Observation.read", "patient/Observation.rs")]
    [InlineData("patient/Observation.read", "patient/*.rs")]
    [InlineData("patient/Observation.rs", "patient/*.read")]
    [InlineData("patient/Observation.r", "patient/Observation.rs")]
    [InlineData("patient/Observation.s", "patient/*.read")]
    [InlineData("patient/Observation.rs", "patient/Observation.r patient/Observation.s")]
    [InlineData("patient/Observation.rs?category=laboratory", "patient/Observation.rs")]
    [InlineData("patient/Observation.rs?category=laboratory", "patient/Observation.rs?category=laboratory")]
    [InlineData("patient/*.read", "launch/patient openid fhirUser offline_access patient/*.read")]
    [InlineData("openid fhirUser patient/Coverage.read", "launch/patient openid fhirUser offline_access patient/*.rs")]
    [InlineData("offline_access patient/Patient.rs", "offline_access patient/Patient.read")]
    [InlineData("patient/*.rs patient/*.read", "patient/*.read")]
    public void Problem_NarrowerByMeaning_Within(string requested, string granted) =>
        Assert.Null(ScopeContainment.Problem(requested, granted));

    [Theory]
    [InlineData("patient/*.read", "patient/Observation.read")]
    [InlineData("patient/Observation.rs", "patient/Observation.r")]
    [InlineData("patient/Observation.read", "patient/Observation.s")]
    [InlineData("patient/Observation.write", "patient/*.read")]
    [InlineData("patient/Observation.cruds", "patient/*.rs")]
    [InlineData("patient/Observation.*", "patient/*.read")]
    [InlineData("patient/Observation.c", "patient/*.rs")]
    [InlineData("user/Observation.read", "patient/*.read")]
    [InlineData("patient/Observation.read", "user/*.read")]
    [InlineData("system/Observation.read", "patient/*.read")]
    [InlineData("patient/Observation.rs", "patient/Observation.rs?category=laboratory")]
    [InlineData("patient/Observation.rs?category=vital-signs", "patient/Observation.rs?category=laboratory")]
    [InlineData("openid patient/*.read", "patient/*.read")]
    [InlineData("offline_access patient/*.read", "online_access patient/*.read")]
    [InlineData("launch/patient patient/*.read", "patient/*.read")]
    [InlineData("patient/Nonsense.read", "patient/*.read")]
    [InlineData("patient/*.read nonsense", "patient/*.read")]
    [InlineData("   ", "patient/*.read")]
    public void Problem_BroaderOrUnknown_Refused(string requested, string granted) =>
        Assert.NotNull(ScopeContainment.Problem(requested, granted));

    [Fact]
    public void Problem_HostileScope_DescriptionIsPrintableAscii()
    {
        var problem = ScopeContainment.Problem("patient/*.read \u0001\"ñ<script>", "patient/*.read");
        Assert.NotNull(problem);
        Assert.All(problem, c => Assert.InRange(c, ' ', '~'));
        Assert.DoesNotContain('"', problem);
    }
}
