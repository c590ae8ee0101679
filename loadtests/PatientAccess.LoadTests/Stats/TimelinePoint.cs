namespace PatientAccess.LoadTests.Stats;

/// <summary>Requests that completed during one second of the run.</summary>
internal readonly record struct TimelinePoint(int Second, long Ok, long Failed);
