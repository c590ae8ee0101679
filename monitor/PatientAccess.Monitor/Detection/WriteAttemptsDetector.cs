using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Detection;

/// <summary>
/// Writes, method overrides and other refused verbs: the gateway refuses them with reason
/// <c>method</c> (405), attributed to the app when the request bore a valid token.
/// </summary>
internal sealed class WriteAttemptsDetector(DetectionOptions options)
    : CountDetector(DetectorNames.WriteAttempts, options.WriteAttempts, options.BucketsPerWindow)
{
    protected override string What => "refused write attempts (writes, method overrides, other verbs)";

    protected override bool Matches(SourceEvent e) => e.Producer == SourceEvent.Gateway && e.Decision == "refuse" && e.Reason == "method";
}
