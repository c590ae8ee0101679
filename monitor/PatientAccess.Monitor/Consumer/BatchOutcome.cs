namespace PatientAccess.Monitor.Consumer;

/// <summary>What one round stored: new AuditEvents, duplicates dropped by event id, and dead letters.</summary>
internal sealed record BatchOutcome(int Stored, int Duplicates, int DeadLetters);
