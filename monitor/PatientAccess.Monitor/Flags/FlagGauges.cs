using PatientAccess.Monitor.Observability;

namespace PatientAccess.Monitor.Flags;

/// <summary>
/// Brings the review-queue gauges up to date from the database (the flags of every monitor process):
/// after each flag or decision, and every maintenance tick for the others' changes.
/// </summary>
internal sealed class FlagGauges(FlagStore store, MonitorMetrics metrics)
{
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var apps = await store.FlaggedAppsAsync(cancellationToken);
        metrics.ReviewQueue(apps.Values.Sum(), apps.ToDictionary(a => a.Key, a => a.Value > 0, StringComparer.Ordinal));
    }
}
