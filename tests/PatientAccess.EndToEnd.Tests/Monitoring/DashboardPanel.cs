namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>One panel of a provisioned dashboard: its title, Grafana type and PromQL queries as written in the JSON.</summary>
internal sealed record DashboardPanel(string DashboardUid, string Title, string Type, IReadOnlyList<DashboardQuery> Queries)
{
    public override string ToString() => $"{DashboardUid} / {Title}";
}
