namespace PatientAccess.LoadTests.Tests.Integration;

/// <summary>
/// One server for every integration test, and those tests run one at a time: load runs that
/// overlap on two cores would make each other's numbers meaningless.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LoopbackServerDefinition : ICollectionFixture<LoopbackServer>
{
    public const string Name = "loopback server";
}
