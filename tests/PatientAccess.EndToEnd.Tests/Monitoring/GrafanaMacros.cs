namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>
/// What Grafana substitutes in a panel's query before it reaches Prometheus: its interval macros and
/// the dashboard's variables (a chosen app, every gateway replica). Only these; the rest is the query as written.
/// </summary>
internal sealed class GrafanaMacros(string app, string rateInterval, string range)
{
    public string Apply(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression
            .Replace("$__rate_interval", rateInterval, StringComparison.Ordinal)
            .Replace("$__interval", rateInterval, StringComparison.Ordinal)
            .Replace("$__range", range, StringComparison.Ordinal)
            .Replace("$app", app, StringComparison.Ordinal)
            // The gateway dashboard's replica variable with "All" selected (its allValue).
            .Replace("$instance", ".*", StringComparison.Ordinal);
    }
}
