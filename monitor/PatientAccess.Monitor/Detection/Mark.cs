namespace PatientAccess.Monitor.Detection;

/// <summary>
/// What one event adds to a detector's series: one to <paramref name="Metric"/>, or
/// <paramref name="Value"/> to a distinct or labels series. <paramref name="Evidence"/>: the event
/// is itself evidence (its id may be a sample), not only part of a total.
/// </summary>
internal readonly record struct Mark(string Metric, string? Value = null, bool Evidence = true);
