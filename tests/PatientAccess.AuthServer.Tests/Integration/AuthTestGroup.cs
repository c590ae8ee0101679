namespace PatientAccess.AuthServer.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class AuthTestGroup : ICollectionFixture<AuthBackends>
{
    public const string Name = "authserver";
}
