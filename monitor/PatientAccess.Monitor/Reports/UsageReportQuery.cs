using System.Globalization;
using PatientAccess.Monitor.Storage;

namespace PatientAccess.Monitor.Reports;

/// <summary>
/// Computes the usage report in SQL over the stored AuditEvents' search columns (the same on
/// SQLite and PostgreSQL): exact counts, nothing kept on the side, so a rebuild of the table from
/// the stored AuditEvents gives the same numbers.
/// </summary>
internal sealed class UsageReportQuery(AuditStore store)
{
    /// <summary>The subtypes that send a member's data to the app (the gateway is read-only; metadata carries none).</summary>
    public static IReadOnlyList<string> DataSubtypes { get; } = ["read", "vread", "search-type", "history-instance"];

    private const long DayMs = 86_400_000;

    public async Task<UsageReport> RunAsync(UsagePeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var subtypes = string.Join(", ", DataSubtypes.Select(s => $"'{s}'"));
        // Innermost: one row per transfer (member, app, day); then one row per member; then the totals.
        command.CommandText = $"""
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN transfers > 1 THEN 1 ELSE 0 END), 0), COALESCE(SUM(transfers), 0), COALESCE(SUM(requests), 0)
            FROM (
              SELECT patient, COUNT(*) AS transfers, SUM(requests) AS requests
              FROM (
                SELECT patient, client_id, recorded_ms / {DayMs.ToString(CultureInfo.InvariantCulture)} AS day, COUNT(*) AS requests
                FROM audit_events
                WHERE recorded_ms >= @from AND recorded_ms < @end AND outcome = '0'
                  AND patient IS NOT NULL AND client_id IS NOT NULL AND subtype IN ({subtypes})
                GROUP BY patient, client_id, recorded_ms / {DayMs.ToString(CultureInfo.InvariantCulture)}
              ) AS per_transfer
              GROUP BY patient
            ) AS per_member
            """;
        AuditStore.Add(command, "@from", period.FromMs);
        AuditStore.Add(command, "@end", period.EndMs);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new UsageReport(period, Long(reader.GetValue(0)), Long(reader.GetValue(1)), Long(reader.GetValue(2)), Long(reader.GetValue(3)));
    }

    private static long Long(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
