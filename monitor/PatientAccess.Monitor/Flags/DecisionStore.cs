using static PatientAccess.Monitor.Storage.AuditStore;

namespace PatientAccess.Monitor.Flags;

/// <summary>
/// Staff decisions (<c>monitor_decisions</c>). A decision is written with its action_id before the
/// authserver is called; if the call fails, the same decision asked again reuses that action_id, so
/// a call that went through but whose answer was lost is answered from the authserver's record
/// rather than refused as a second change.
/// </summary>
internal sealed class DecisionStore(FlagDatabase database)
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>The action_id of this app's last unfinished decision of <paramref name="kind"/>, if any.</summary>
    public async Task<string?> UnfinishedActionIdAsync(string clientId, string kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT action_id FROM monitor_decisions WHERE client_id = @c AND kind = @k AND state IN ('{Pending}','{Failed}') ORDER BY at_ms DESC LIMIT 1";
        Add(command, "@c", clientId);
        Add(command, "@k", kind);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task InsertAsync(string id, string clientId, string kind, string actor, string reason, string actionId, long atMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO monitor_decisions (id, client_id, kind, actor, reason, action_id, state, at_ms) VALUES (@id,@c,@k,@a,@r,@aid,'{Pending}',@t)";
        Add(command, "@id", id);
        Add(command, "@c", clientId);
        Add(command, "@k", kind);
        Add(command, "@a", actor);
        Add(command, "@r", reason);
        Add(command, "@aid", actionId);
        Add(command, "@t", atMs);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Finishes every decision with this action_id (a retried decision has several rows).</summary>
    public async Task FinishAsync(string actionId, string state, string result, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE monitor_decisions SET state = @s, result = @r WHERE action_id = @aid";
        Add(command, "@s", state);
        Add(command, "@r", result);
        Add(command, "@aid", actionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
