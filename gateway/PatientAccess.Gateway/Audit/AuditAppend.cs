namespace PatientAccess.Gateway.Audit;

/// <summary>
/// What one <see cref="AuditStream.AppendAsync"/> did: the events appended; the entries trimmed because
/// the consumer group had acknowledged (stored) them; the entries the hard cap trimmed and how many
/// of those were not acknowledged (lost); the group's lag (entries not yet acknowledged and the age
/// of the oldest of them); and the trim's error when it failed (the events were appended all the same).
/// </summary>
internal sealed record AuditAppend(long Added, long Acknowledged, long Capped, long Unread, long LagEntries, TimeSpan Lag, string? TrimError)
{
    /// <summary>Every entry the call trimmed.</summary>
    public long Trimmed => Acknowledged + Capped;
}
