using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Storage;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Consumer;

/// <summary>A round's entries parsed and mapped, ready to store: the rows and their events in the stream's order, and the dead letters.</summary>
internal sealed record PreparedBatch(IReadOnlyList<StreamEntry> Entries, IReadOnlyList<AuditRow> Rows, IReadOnlyList<SourceEvent> Events, IReadOnlyList<DeadLetter> DeadLetters);
