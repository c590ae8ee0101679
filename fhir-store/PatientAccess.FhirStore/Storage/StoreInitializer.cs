namespace PatientAccess.FhirStore.Storage;

/// <summary>Creates the schema before the first request, so a fresh data folder just works.</summary>
internal sealed class StoreInitializer(IResourceStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
