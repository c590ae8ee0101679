namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>One target of a panel: the PromQL expression and its legend template.</summary>
internal sealed record DashboardQuery(string Expression, string Legend);
