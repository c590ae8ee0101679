using StackExchange.Redis;

namespace PatientAccess.Gateway.Audit;

/// <summary>
/// Writes a batch of events to the audit stream: a plain <c>XADD key * id .. event ..</c> per event
/// (the README's stream contract; no MAXLEN), all of them in one MULTI/EXEC so a batch is appended
/// whole or not at all (a failed batch goes to the spool and must not leave half of itself behind),
/// then <see cref="AuditTrimScript"/> for the trim by acknowledgement, the hard cap and the lag. Both are sent without waiting in between, so a
/// batch costs one round trip as before.
/// </summary>
internal static class AuditStream
{
    /// <summary>
    /// Throws <see cref="RedisException"/> or <see cref="TimeoutException"/> when the append failed.
    /// A failed trim never fails or undoes the append: it comes back as <see cref="AuditAppend.TrimError"/>.
    /// </summary>
    public static async Task<AuditAppend> AppendAsync(IDatabase database, string stream, long cap, string group, IReadOnlyList<(string Id, string Line)> lines)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(lines);
        var transaction = database.CreateTransaction();
        var adds = new Task<RedisValue>[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            adds[i] = transaction.StreamAddAsync(stream, [new NameValueEntry("id", lines[i].Id), new NameValueEntry("event", lines[i].Line)]);
        }

        var committed = transaction.ExecuteAsync();
        var trim = database.ScriptEvaluateAsync(AuditTrimScript.Source, [stream], [cap, group]);
        try
        {
            // Without conditions EXEC always runs; were it ever refused, the adds would be cancelled instead.
            if (!await committed)
            {
                throw new RedisException("the audit batch's MULTI/EXEC was not executed");
            }

            await Task.WhenAll(adds);
        }
        catch
        {
            // The trim's outcome no longer matters; observed so it is not reported as unobserved.
            _ = trim.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }

        try
        {
            var result = (RedisResult[])(await trim)!;
            return new AuditAppend(lines.Count, (long)result[0], (long)result[1], (long)result[2], (long)result[3],
                TimeSpan.FromMilliseconds((long)result[4]), null);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new AuditAppend(lines.Count, 0, 0, 0, -1, TimeSpan.Zero, ex.Message);
        }
    }
}
