namespace PatientAccess.Testing;

/// <summary>The four services: their folder and project name.</summary>
public sealed record ServiceName(string Folder, string Project)
{
    public static readonly ServiceName Gateway = new("gateway", "PatientAccess.Gateway");
    public static readonly ServiceName AuthServer = new("authserver", "PatientAccess.AuthServer");
    public static readonly ServiceName FhirStore = new("fhir-store", "PatientAccess.FhirStore");
    public static readonly ServiceName Monitor = new("monitor", "PatientAccess.Monitor");

    public static IReadOnlyList<ServiceName> All { get; } = [Gateway, AuthServer, FhirStore, Monitor];

    public override string ToString() => Project;
}
