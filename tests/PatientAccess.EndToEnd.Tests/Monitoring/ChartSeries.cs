namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>One line of a chart: its legend and (unix seconds, value) points from query_range.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<(double Time, double Value)> Points);
