namespace PatientAccess.Gateway.Audit;

/// <summary>
/// What one <see cref="AuditStream.AppendAsync"/> did: the events appended, the entries the cap
/// trimmed and how many of those the consumer group had not read, and the trim's error when it
/// failed (the events were appended all the same).
/// </summary>
internal sealed record AuditAppend(long Added, long Trimmed, long Unread, string? TrimError);
