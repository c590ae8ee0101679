namespace PatientAccess.Monitor.Detection;

/// <summary>
/// A detector's finding that an app crossed its threshold: the numbers for the evidence, the
/// sentence for people, and the action (the configured one, or <c>alert</c> where the detector
/// must not act, such as a new app's baseline).
/// </summary>
internal sealed record Judgement(
    long Count,
    double Threshold,
    string Explanation,
    string Action,
    long? Total = null,
    double? Expected = null,
    int? HistoryWindows = null,
    double? Probability = null);
