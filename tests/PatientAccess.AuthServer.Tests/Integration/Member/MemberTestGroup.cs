namespace PatientAccess.AuthServer.Tests.Integration.Member;

[CollectionDefinition(Name)]
public sealed class MemberTestGroup : ICollectionFixture<MemberServices>
{
    public const string Name = "member-app";
}
