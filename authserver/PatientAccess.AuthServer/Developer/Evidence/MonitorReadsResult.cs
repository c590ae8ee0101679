namespace PatientAccess.AuthServer.Developer.Evidence;

/// <summary>What the monitor said about an app's reads: <see cref="State"/> and, when available, the counts by resource type.</summary>
internal sealed record MonitorReadsResult(string State, IReadOnlyDictionary<string, long> Reads, long Total)
{
    public const string Available = "available";

    public static MonitorReadsResult NotConfigured { get; } = new("not_configured", new Dictionary<string, long>(), 0);

    public static MonitorReadsResult Unavailable { get; } = new("unavailable", new Dictionary<string, long>(), 0);
}
