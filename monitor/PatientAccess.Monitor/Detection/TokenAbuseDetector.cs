using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Detection;

/// <summary>Authorization-code reuse and rotated-refresh-token reuse, as the authserver reports them.</summary>
internal sealed class TokenAbuseDetector(DetectionOptions options)
    : CountDetector(DetectorNames.TokenAbuse, options.TokenAbuse, options.BucketsPerWindow)
{
    protected override string What => "reuses of an authorization code or a rotated refresh token";

    protected override bool Matches(SourceEvent e) => e.Producer == SourceEvent.AuthServer && e.Type is "code.reused" or "refresh_token.reused";
}
