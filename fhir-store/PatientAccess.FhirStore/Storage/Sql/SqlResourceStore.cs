using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PatientAccess.Data;
using PatientAccess.FhirStore.Search;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>
/// The store on a relational database: current versions in <c>resources</c>, every version
/// in <c>history</c>, search values in one index table per parameter type, and each
/// resource's patients and sensitivity labels alongside, so scope checks are joins.
/// </summary>
public sealed class SqlResourceStore(DbConnectionFactory connections, ISqlDialect dialect, TimeProvider clock, AccessFacts facts,
    ILogger<SqlResourceStore>? logger = null) : IResourceStore
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await ExecuteAllAsync(dialect.Schema, cancellationToken);
        await new AccessRulesMigration(connections, facts, (ILogger?)logger ?? NullLogger.Instance).RunAsync(cancellationToken);
        await ExecuteAllAsync(dialect.Analyze, cancellationToken);
    }

    public Task AnalyzeAsync(CancellationToken cancellationToken) => ExecuteAllAsync(dialect.Analyze, cancellationToken);

    private async Task ExecuteAllAsync(IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var statement in statements)
        {
            await using var command = connection.Command(statement);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<IndexedResource> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = await ExistingRowsAsync(connection, transaction, batch, cancellationToken);
        var rows = new IndexRowWriter();
        await using var writer = dialect.CreateBatchWriter();
        await writer.StartAsync(connection, transaction, batch.Count(r => !existing.ContainsKey((r.Type, r.Id))), cancellationToken);
        var outcomes = new List<UpsertOutcome>(batch.Count);
        foreach (var resource in batch)
        {
            (long, int, string)? current = existing.TryGetValue((resource.Type, resource.Id), out var found) ? found : null;
            outcomes.Add(await UpsertOneAsync(connection, transaction, rows, writer, resource, current, cancellationToken));
        }

        await writer.FlushAsync(rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    public async Task<StoredResource?> ReadAsync(string type, string id, AccessScope scope, CancellationToken cancellationToken)
    {
        var p = new SqlParameters();
        var sql = $"SELECT r.{SearchSql.Columns.Replace(", ", ", r.", StringComparison.Ordinal)} FROM resources r "
            + $"WHERE r.type = {p.Add(type)} AND r.id = {p.Add(id)} AND {ScopeSql.Predicate("r", scope, p, type)}";
        return await SingleAsync(sql, p, cancellationToken);
    }

    public async Task<StoredResource?> ReadVersionAsync(string type, string id, int versionId, AccessScope scope, CancellationToken cancellationToken)
    {
        // The current version lives in resources, superseded ones in history. A version is shown
        // only when it passes the rule on its own content (a version that named another member,
        // or carried a label since removed, stays theirs or withheld) AND the current version
        // passes (a correction that moved the record to another member, or a label added later,
        // covers the older copies of the same data too).
        var p = new SqlParameters();
        var (t, i, v) = (p.Add(type), p.Add(id), p.Add(versionId));
        var visible = ScopeSql.Predicate("r", scope, p, type);
        var sql = $"SELECT r.seq, r.type, r.id, r.version, r.last_updated, 0, r.json FROM resources r WHERE r.type = {t} AND r.id = {i} AND r.version = {v} AND {visible} "
            + "UNION ALL SELECT r.seq, h.type, h.id, h.version, h.last_updated, 0, h.json FROM history h JOIN resources r ON r.type = h.type AND r.id = h.id "
            + $"WHERE h.type = {t} AND h.id = {i} AND h.version = {v} AND {visible}";
        var version = await SingleAsync(sql, p, cancellationToken);
        return version is not null && facts.Visible(scope, version) ? version : null;
    }

    public async Task<SearchPage> SearchAsync(SearchQuery query, AccessScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await connections.OpenAsync(cancellationToken);
        int? total = null;
        if (query.WithTotal || query.CountOnly)
        {
            var count = SearchSql.Count(query, scope);
            await using var command = connection.Command(count.Text, count.Parameters);
            total = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (query.CountOnly)
            {
                return new SearchPage([], [], null, null, total);
            }
        }

        var page = await new SearchPager(connection).FetchAsync(query, scope, cancellationToken);
        var included = await new IncludeLoader(connection).LoadAsync(query, page.Matches, scope, cancellationToken);
        return page with { Included = included, Total = total };
    }

    public async Task<IReadOnlySet<(string Type, string Id)>> ExistingAsync(IReadOnlyCollection<(string Type, string Id)> references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        var found = new HashSet<(string Type, string Id)>();
        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var chunk in references.Chunk(200))
        {
            var p = new SqlParameters();
            var pairs = string.Join(" OR ", chunk.Select(r => $"(type = {p.Add(r.Type)} AND id = {p.Add(r.Id)})"));
            await using var command = connection.Command($"SELECT type, id FROM resources WHERE deleted = 0 AND ({pairs})", p);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return found;
    }

    private async Task<StoredResource?> SingleAsync(string sql, SqlParameters p, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, p);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.ReadResource() : null;
    }

    // One query per type for the whole batch, instead of one per resource.
    private static async Task<Dictionary<(string Type, string Id), (long Seq, int Version, string Hash)>> ExistingRowsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<IndexedResource> batch, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string Type, string Id), (long Seq, int Version, string Hash)>();
        foreach (var group in batch.GroupBy(r => r.Type))
        {
            var p = new SqlParameters();
            var sql = $"SELECT id, seq, version, hash FROM resources WHERE type = {p.Add(group.Key)} AND id IN {p.AddList(group.Select(r => r.Id).Distinct())}";
            await using var command = connection.Command(sql, p, transaction);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[(group.Key, reader.GetString(0))] = (reader.GetInt64(1), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), reader.GetString(3));
            }
        }

        return found;
    }

    private async Task<UpsertOutcome> UpsertOneAsync(DbConnection connection, DbTransaction transaction, IndexRowWriter rows, IBatchWriter writer, IndexedResource resource,
        (long Seq, int Version, string Hash)? current, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(resource.Json)));
        var seq = current?.Seq;
        var version = current?.Version ?? 0;
        if (current?.Hash == hash)
        {
            return new UpsertOutcome(resource.Type, resource.Id, UpsertKind.Unchanged, version);
        }

        version++;
        var (now, json) = version == 1 && resource.FirstVersionJson is { } stamped
            ? (resource.StampedAt, stamped)
            : Stamped(resource, version);
        if (seq is null)
        {
            seq = await writer.InsertResourceAsync(resource, version, now, hash, json, rows, cancellationToken);
        }
        else
        {
            // The version being replaced moves to history; the current one is only in resources.
            await using (var keep = connection.Command(
                "INSERT INTO history (type, id, version, last_updated, json) SELECT type, id, version, last_updated, json FROM resources WHERE seq = @s",
                transaction: transaction))
            {
                keep.Bind("@s", seq.Value);
                await keep.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var update = connection.Command(
                "UPDATE resources SET version = @v, last_updated = @u, deleted = 0, hash = @h, json = @j WHERE type = @t AND id = @i",
                transaction: transaction);
            BindRow(update, resource, version, now, hash, json);
            await update.ExecuteNonQueryAsync(cancellationToken);
            await ClearIndexAsync(connection, transaction, seq.Value, cancellationToken);
        }

        rows.Add(seq.Value, resource);
        return new UpsertOutcome(resource.Type, resource.Id, version == 1 ? UpsertKind.Created : UpsertKind.Updated, version);
    }

    private (DateTimeOffset Now, string Json) Stamped(IndexedResource resource, int version)
    {
        var now = ResourceMeta.Truncate(clock.GetUtcNow());
        return (now, ResourceMeta.Stamp(resource.Json, version, now));
    }

    private static async Task ClearIndexAsync(DbConnection connection, DbTransaction transaction, long res, CancellationToken cancellationToken)
    {
        foreach (var (table, _) in IndexRowWriter.IndexTables)
        {
            await using var delete = connection.Command($"DELETE FROM {table} WHERE res = @res", transaction: transaction);
            delete.Bind("@res", res);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void BindRow(DbCommand command, IndexedResource resource, int version, DateTimeOffset now, string? hash, string json)
    {
        command.Bind("@t", resource.Type);
        command.Bind("@i", resource.Id);
        command.Bind("@v", version);
        command.Bind("@u", now.UtcTicks);
        if (hash is not null)
        {
            command.Bind("@h", hash);
        }

        command.Bind("@j", json);
    }
}
