using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Detection;

/// <summary>
/// Rate-limit refusals: reason <c>rate-limit</c> with 429. The 503 the gateway answers when it
/// cannot check limits (its Redis is down) is the plan's fault, not the app's, and is not counted.
/// </summary>
internal sealed class TooManyRequestsDetector(DetectionOptions options)
    : CountDetector(DetectorNames.TooManyRequests, options.TooManyRequests, options.BucketsPerWindow)
{
    protected override string What => "rate-limit refusals (429)";

    protected override bool Matches(SourceEvent e) =>
        e.Producer == SourceEvent.Gateway && e.Decision == "refuse" && e.Reason == "rate-limit" && e.Status == 429;
}
