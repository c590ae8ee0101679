namespace PatientAccess.Monitor.Events;

/// <summary>
/// Sees every audit event once, after it was stored for the first time (a replayed or claimed
/// duplicate is not shown again), in stream order within a batch. The detectors are observers.
/// Several monitor processes share the consumer group, so each sees only its share of the events:
/// state an observer counts across events belongs in Redis or the database, not in memory.
/// </summary>
internal interface IAuditObserver
{
    ValueTask ObserveAsync(IReadOnlyList<SourceEvent> stored, CancellationToken cancellationToken);
}
