using System.Data.Common;
using System.Globalization;
using PatientAccess.Monitor.Reviews;
using static PatientAccess.Monitor.Storage.AuditStore;

namespace PatientAccess.Monitor.Flags;

/// <summary>The flags in the monitor's database (plain ADO.NET, SQLite and PostgreSQL, like the audit store).</summary>
internal sealed class FlagStore(FlagDatabase database)
{
    private const string Columns =
        "id, client_id, detector, action, severity, state, flagged_ms, updated_ms, crossings, evidence, explanation, action_id, action_done_ms, attempts, next_attempt_ms, last_error, expires_ms, client_status, steps, decision";

    /// <summary>States in which a flag waits for staff and holds its open_key.</summary>
    public static readonly string[] Waiting = [ReviewStates.Open, ReviewStates.Alert, ReviewStates.Failed];

    private static readonly string WaitingSql = "(" + string.Join(",", Waiting.Select(s => $"'{s}'")) + ")";

    /// <summary>Inserts the flag unless the app already has an open one for the detector; true if it was inserted.</summary>
    public async Task<bool> TryOpenAsync(FlagRecord flag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flag);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO monitor_flags ({Columns}, open_key) VALUES (@id,@c,@d,@a,@s,@st,@f,@u,@n,@e,@x,@aid,@done,@att,@next,@err,@exp,@cs,@steps,@dec,@ok) ON CONFLICT DO NOTHING";
        Add(command, "@id", flag.Id);
        Add(command, "@c", flag.ClientId);
        Add(command, "@d", flag.Detector);
        Add(command, "@a", flag.Action);
        Add(command, "@s", flag.Severity);
        Add(command, "@st", flag.State);
        Add(command, "@f", flag.FlaggedMs);
        Add(command, "@u", flag.UpdatedMs);
        Add(command, "@n", flag.Crossings);
        Add(command, "@e", flag.Evidence);
        Add(command, "@x", flag.Explanation);
        Add(command, "@aid", flag.ActionId);
        Add(command, "@done", flag.ActionDoneMs);
        Add(command, "@att", flag.Attempts);
        Add(command, "@next", flag.NextAttemptMs);
        Add(command, "@err", flag.LastError);
        Add(command, "@exp", flag.ExpiresMs);
        Add(command, "@cs", flag.ClientStatus);
        Add(command, "@steps", flag.Steps);
        Add(command, "@dec", flag.Decision);
        Add(command, "@ok", Waiting.Contains(flag.State) ? FlagRecord.OpenKey(flag.ClientId, flag.Detector) : null);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>A second crossing while the flag is open: the newer evidence replaces the older, the crossings are counted; no second action.</summary>
    public async Task<bool> AddEvidenceAsync(string clientId, string detector, string evidence, string explanation, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE monitor_flags SET crossings = crossings + 1, evidence = @e, explanation = @x, updated_ms = @u WHERE open_key = @ok";
        Add(command, "@e", evidence);
        Add(command, "@x", explanation);
        Add(command, "@u", nowMs);
        Add(command, "@ok", FlagRecord.OpenKey(clientId, detector));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Flags of the app with <paramref name="action"/> raised since <paramref name="sinceMs"/> (the throttle's repeats).</summary>
    public async Task<int> CountSinceAsync(string clientId, string action, long sinceMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM monitor_flags WHERE client_id = @c AND action = @a AND flagged_ms >= @since";
        Add(command, "@c", clientId);
        Add(command, "@a", action);
        Add(command, "@since", sinceMs);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Records the outcome of an enforcement call on the flag: its state, the client's status, the steps, the error and when to try again.</summary>
    public async Task RecordActionAsync(
        string id, string state, string? clientStatus, string steps, long? doneMs, string? error, long? nextAttemptMs, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Only while the flag still waits: a staff decision taken meanwhile is not overwritten.
        command.CommandText = $"""
            UPDATE monitor_flags SET state = @st, client_status = COALESCE(@cs, client_status), steps = @steps, action_done_ms = @done,
              last_error = @err, next_attempt_ms = @next, attempts = attempts + 1, updated_ms = @u,
              open_key = CASE WHEN @st IN {WaitingSql} THEN open_key ELSE NULL END
            WHERE id = @id AND state IN {WaitingSql}
            """;
        Add(command, "@id", id);
        Add(command, "@st", state);
        Add(command, "@cs", clientStatus);
        Add(command, "@steps", steps);
        Add(command, "@done", doneMs);
        Add(command, "@err", error);
        Add(command, "@next", nextAttemptMs);
        Add(command, "@u", nowMs);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Suspensions and revocations not yet carried out whose next attempt is due (failed, or their process died mid-call).</summary>
    public Task<List<FlagRecord>> DueAsync(long nowMs, CancellationToken cancellationToken) =>
        QueryAsync(
            $"WHERE action IN ('{ActionNames.Suspend}','{ActionNames.Revoke}') AND action_done_ms IS NULL AND state IN {WaitingSql} AND next_attempt_ms <= @now ORDER BY flagged_ms LIMIT 100",
            c => Add(c, "@now", nowMs), cancellationToken);

    /// <summary>Closes the throttles that ran out; returns each one's app, detector and end.</summary>
    public async Task<List<(string ClientId, string Detector, long ExpiresMs)>> CloseExpiredThrottlesAsync(long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // RETURNING (SQLite 3.35+, PostgreSQL): only this process' closes, once each, whoever else runs the upkeep.
        command.CommandText = $"UPDATE monitor_flags SET state = '{ReviewStates.Closed}', open_key = NULL, updated_ms = @now WHERE action = '{ActionNames.Throttle}' AND state = '{ReviewStates.Open}' AND expires_ms <= @now RETURNING client_id, detector, expires_ms";
        Add(command, "@now", nowMs);
        var closed = new List<(string, string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            closed.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return closed;
    }

    /// <summary>Newest first; only the waiting ones if <paramref name="waitingOnly"/>.</summary>
    public Task<List<FlagRecord>> ListAsync(bool waitingOnly, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            (waitingOnly ? $"WHERE state IN {WaitingSql} " : string.Empty) + "ORDER BY flagged_ms DESC, id DESC LIMIT " + limit.ToString(CultureInfo.InvariantCulture),
            _ => { }, cancellationToken);

    public Task<List<FlagRecord>> ForClientAsync(string clientId, CancellationToken cancellationToken) =>
        QueryAsync("WHERE client_id = @c ORDER BY flagged_ms DESC, id DESC", c => Add(c, "@c", clientId), cancellationToken);

    /// <summary>Applies a staff decision to the flags: their new state and the decision, no longer open.</summary>
    public async Task DecideAsync(IReadOnlyList<string> ids, string state, string decision, long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var id in ids)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE monitor_flags SET state = @st, decision = @dec, open_key = NULL, next_attempt_ms = NULL, updated_ms = @u WHERE id = @id";
            Add(command, "@st", state);
            Add(command, "@dec", decision);
            Add(command, "@u", nowMs);
            Add(command, "@id", id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Every app ever flagged, and how many of its flags wait for staff now (the gauges).</summary>
    public async Task<Dictionary<string, int>> FlaggedAppsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT client_id, SUM(CASE WHEN state IN {WaitingSql} THEN 1 ELSE 0 END) FROM monitor_flags GROUP BY client_id";
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return result;
    }

    private async Task<List<FlagRecord>> QueryAsync(string tail, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM monitor_flags {tail}";
        parameters(command);
        var result = new List<FlagRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new FlagRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetInt64(6), reader.GetInt64(7), reader.GetInt32(8), reader.GetString(9), reader.GetString(10),
                Text(reader, 11), Long(reader, 12), reader.GetInt32(13), Long(reader, 14), Text(reader, 15), Long(reader, 16), Text(reader, 17),
                reader.GetString(18), Text(reader, 19)));
        }

        return result;
    }

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static long? Long(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
}
