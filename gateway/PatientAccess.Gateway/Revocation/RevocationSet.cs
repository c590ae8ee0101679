using System.Collections.Concurrent;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Revocation;

/// <summary>
/// The revocations this replica knows, checked on every request. Client and grant entries kill
/// every token of theirs issued at or before the entry's time (a reinstated client's new tokens
/// live); token entries kill one jti. Entries are dropped once every token they could match
/// has expired.
/// </summary>
public sealed class RevocationSet(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, RevocationEntry> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RevocationEntry> _grants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RevocationEntry> _tokens = new(StringComparer.Ordinal);
    private long _cursor;

    /// <summary>The highest feed sequence applied: where the next catch-up starts.</summary>
    public long Cursor => Interlocked.Read(ref _cursor);

    public int Count => _clients.Count + _grants.Count + _tokens.Count;

    public void Apply(RevocationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var map = entry.Kind switch
        {
            RevocationEntry.Client => _clients,
            RevocationEntry.Grant => _grants,
            _ => _tokens,
        };
        // Keep the latest time per subject: it covers everything an earlier entry did.
        map.AddOrUpdate(entry.Id, entry, (_, old) => old.Time >= entry.Time ? old : entry);
        AdvanceCursor(entry.Sequence);
    }

    public void AdvanceCursor(long sequence)
    {
        long current;
        while (sequence > (current = Interlocked.Read(ref _cursor)) && Interlocked.CompareExchange(ref _cursor, sequence, current) != current)
        {
        }
    }

    public bool IsRevoked(AccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var issued = token.IssuedAt.ToUnixTimeSeconds();
        return _tokens.ContainsKey(token.Jti)
            || (_clients.TryGetValue(token.ClientId, out var client) && issued <= client.Time)
            || (token.GrantId is not null && _grants.TryGetValue(token.GrantId, out var grant) && issued <= grant.Time);
    }

    public void Prune()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var map in new[] { _clients, _grants, _tokens })
        {
            foreach (var (key, entry) in map)
            {
                if (entry.ExpiresAt < now)
                {
                    map.TryRemove(key, out _);
                }
            }
        }
    }
}
