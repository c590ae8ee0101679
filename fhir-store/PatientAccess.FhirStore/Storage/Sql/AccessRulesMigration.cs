using System.Data.Common;
using System.Globalization;
using PatientAccess.Data;
using PatientAccess.Fhir.Search;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>
/// Re-judges every stored resource when the access rule's facts change (<see cref="AccessFacts"/>:
/// whose record it is, which labels it carries), so data imported under an older rule is not
/// served under it. Runs at start before the first request; the facts are rebuilt from the index
/// tables (the parameters' values as import stored them), a few thousand resources per
/// transaction, and <c>store_meta</c> records the rule version that was applied.
/// </summary>
/// <remarks>
/// Rule versions: 1, the official Patient CompartmentDefinition and exact-match labels; 2, the
/// subject parameters only (issue 12, item 6) and normalised labels with R/V (item 15).
/// </remarks>
internal sealed class AccessRulesMigration(DbConnectionFactory connections, AccessFacts facts, ILogger logger)
{
    public const string Version = "2";
    private const string Key = "access-rules";
    private const int Chunk = 5000;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using (var read = connection.Command($"SELECT value FROM store_meta WHERE name = '{Key}'"))
        {
            if (await read.ExecuteScalarAsync(cancellationToken) is string applied && applied == Version)
            {
                return;
            }
        }

        var judged = 0;
        long after = 0;
        while (true)
        {
            var resources = await ResourcesAfterAsync(connection, after, cancellationToken);
            if (resources.Count == 0)
            {
                break;
            }

            await RejudgeAsync(connection, resources, cancellationToken);
            judged += resources.Count;
            after = resources[^1].Seq;
        }

        await using (var write = connection.Command(
            $"INSERT INTO store_meta (name, value) VALUES ('{Key}', '{Version}') ON CONFLICT (name) DO UPDATE SET value = excluded.value"))
        {
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        if (judged > 0)
        {
            logger.LogWarning("Access rules changed to version {Version}: the compartment and labels of {Count} stored resources were rebuilt", Version, judged);
        }
    }

    private static async Task<List<(long Seq, string Type, string Id)>> ResourcesAfterAsync(DbConnection connection, long after, CancellationToken cancellationToken)
    {
        var found = new List<(long, string, string)>();
        await using var command = connection.Command(
            string.Create(CultureInfo.InvariantCulture, $"SELECT seq, type, id FROM resources WHERE seq > @after ORDER BY seq LIMIT {Chunk}"));
        command.Bind("@after", after);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return found;
    }

    private async Task RejudgeAsync(DbConnection connection, List<(long Seq, string Type, string Id)> resources, CancellationToken cancellationToken)
    {
        var (low, high) = (resources[0].Seq, resources[^1].Seq);
        var entries = resources.ToDictionary(r => r.Seq, _ => new List<SearchIndexEntry>());
        await using (var references = Ranged(connection, "SELECT res, param, rtype, rid FROM idx_reference WHERE res BETWEEN @low AND @high AND rtype = 'Patient'", low, high))
        await using (var reader = await references.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (entries.TryGetValue(reader.GetInt64(0), out var list))
                {
                    list.Add(new ReferenceIndexEntry(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), null));
                }
            }
        }

        await using (var labels = Ranged(connection, "SELECT res, system, code FROM idx_token WHERE res BETWEEN @low AND @high AND param = '_security'", low, high))
        await using (var reader = await labels.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (entries.TryGetValue(reader.GetInt64(0), out var list))
                {
                    list.Add(new TokenIndexEntry("_security", reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), null));
                }
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in new[] { "compartment", "security" })
        {
            await using var delete = Ranged(connection, $"DELETE FROM {table} WHERE res BETWEEN @low AND @high", low, high, transaction);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        // ON CONFLICT DO NOTHING: a second replica starting at the same time rebuilds the same rows.
        await using var patient = connection.Command("INSERT INTO compartment (patient, res) VALUES (@a, @res) ON CONFLICT DO NOTHING", transaction: transaction);
        await using var label = connection.Command("INSERT INTO security (res, label) VALUES (@res, @a) ON CONFLICT DO NOTHING", transaction: transaction);
        foreach (var (seq, type, id) in resources)
        {
            await InsertAllAsync(patient, seq, facts.Patients(type, id, entries[seq]), cancellationToken);
            await InsertAllAsync(label, seq, AccessFacts.Labels(entries[seq]), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task InsertAllAsync(DbCommand command, long seq, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        foreach (var value in values)
        {
            command.Parameters.Clear();
            command.Bind("@a", value);
            command.Bind("@res", seq);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand Ranged(DbConnection connection, string sql, long low, long high, DbTransaction? transaction = null)
    {
        var command = connection.Command(sql, transaction: transaction);
        command.Bind("@low", low);
        command.Bind("@high", high);
        return command;
    }
}
