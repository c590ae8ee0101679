using System.Text;
using System.Text.Json;
using PatientAccess.Monitor.Storage;

namespace PatientAccess.Monitor.Reports;

/// <summary>
/// An app's successful FHIR reads and searches through the gateway, by resource type, from the
/// stored AuditEvents (contract 3: the developer portal's evidence of demo testing). The rows come
/// by the client index; the resource type is read from each AuditEvent's target entity (its
/// <c>name</c> for a read, its <c>query</c> up to <c>?</c> for a search), the only place it is stored.
/// </summary>
internal sealed class AppReadsQuery(AuditStore store)
{
    public async Task<(IReadOnlyDictionary<string, long> Reads, long Total)> RunAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var subtypes = string.Join(", ", UsageReportQuery.DataSubtypes.Select(s => $"'{s}'"));
        command.CommandText = $"SELECT json FROM audit_events WHERE client_id = @client AND outcome = '0' AND subtype IN ({subtypes})";
        AuditStore.Add(command, "@client", clientId);
        var reads = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (ResourceType(reader.GetString(0)) is { } type)
            {
                reads[type] = reads.GetValueOrDefault(type) + 1;
                total++;
            }
        }

        return (reads, total);
    }

    /// <summary>The resource type of the gateway AuditEvent's last entity (the target), or null if it names none.</summary>
    public static string? ResourceType(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("entity", out var entities) || entities.ValueKind != JsonValueKind.Array || entities.GetArrayLength() == 0)
        {
            return null;
        }

        var target = entities[entities.GetArrayLength() - 1];
        if (target.TryGetProperty("query", out var query))
        {
            var text = Encoding.UTF8.GetString(query.GetBytesFromBase64());
            var mark = text.IndexOf('?', StringComparison.Ordinal);
            return mark < 0 ? text : text[..mark];
        }

        return target.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } type && !type.StartsWith('/') && type != "(none)" ? type : null;
    }
}
