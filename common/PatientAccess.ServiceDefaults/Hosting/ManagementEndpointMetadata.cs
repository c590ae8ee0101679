namespace PatientAccess.ServiceDefaults.Hosting;

/// <summary>
/// Marks an endpoint as a management endpoint (<c>/metrics</c>, <c>/health/*</c>): routed only on
/// the management listener (<see cref="ServiceOptions.ManagementPort"/>), never on the public one.
/// </summary>
public sealed class ManagementEndpointMetadata
{
    public static ManagementEndpointMetadata Instance { get; } = new();

    private ManagementEndpointMetadata()
    {
    }
}
