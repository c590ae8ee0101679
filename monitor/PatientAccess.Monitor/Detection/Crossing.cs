using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Detection;

/// <summary>An app that crossed a detector's threshold, with the evidence and the action to take: what the flags are raised from.</summary>
internal sealed record Crossing(string Detector, string ClientId, string Action, string Severity, ReviewEvidence Evidence, string Explanation);
