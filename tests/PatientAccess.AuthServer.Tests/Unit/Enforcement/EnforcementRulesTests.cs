using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Enforcement;

namespace PatientAccess.AuthServer.Tests.Unit.Enforcement;

/// <summary>Which action may start from which status (contract 1's 409s), and the steps of each action in order.</summary>
public sealed class EnforcementRulesTests
{
    [Theory]
    [InlineData("suspend", "Production", null)]
    [InlineData("suspend", "Sandbox", null)]
    [InlineData("suspend", "Suspended", "the client is already suspended")]
    [InlineData("suspend", "Revoked", "the client is revoked for good")]
    [InlineData("revoke", "Production", null)]
    [InlineData("revoke", "Suspended", null)]
    [InlineData("revoke", "Revoked", "the client is revoked for good")]
    [InlineData("reinstate", "Suspended", null)]
    [InlineData("reinstate", "Production", "only a suspended client can be reinstated")]
    [InlineData("reinstate", "Revoked", "only a suspended client can be reinstated")]
    public void Conflict_ActionFromStatus_RefusedExactlyWhereTheContractSays(string action, string status, string? expected) =>
        Assert.Equal(expected, EnforcementApi.Conflict(action, Enum.Parse<ClientStatus>(status)));

    [Fact]
    public void For_EachAction_StepsInContractOrder()
    {
        Assert.Equal(["credentials", "tokens", "member_emails", "contact_emails", "gallery"], EnforcementSteps.For("suspend"));
        Assert.Equal(["credentials", "tokens", "member_emails", "contact_emails", "gallery"], EnforcementSteps.For("revoke"));
        Assert.Equal(["credentials", "gallery"], EnforcementSteps.For("reinstate"));
    }
}
