namespace PatientAccess.FhirStore.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class StoreTestGroup : ICollectionFixture<StoreBackends>
{
    public const string Name = "store";
}
