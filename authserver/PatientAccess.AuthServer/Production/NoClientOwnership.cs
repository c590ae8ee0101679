namespace PatientAccess.AuthServer.Production;

/// <summary>The safe default until the developer portal registers its own <see cref="IClientOwnership"/>: nobody owns anything.</summary>
internal sealed class NoClientOwnership : IClientOwnership
{
    public Task<string?> OwnerEmailAsync(HttpContext context, string clientId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
