using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Monitor.Actions;

/// <summary>
/// The throttle action (contract 2): a tighter rate limit every gateway applies to the app while the
/// Redis hash <c>patientaccess:throttle:{client_id}</c> exists. Escalates on repeat as fail2ban's
/// bantime increment does: each throttle of the same app within <see cref="RepeatWindowSeconds"/>
/// lasts <see cref="EscalationFactor"/> times the one before, and the
/// <see cref="SuspendAfter"/>th becomes a suspension. Section <c>Throttle</c>.
/// </summary>
public sealed class ThrottleOptions
{
    public const string Section = "Throttle";

    /// <summary>Requests per second the app keeps while throttled (default 1: its members can still sync slowly; the gateway takes the tighter of this and the app's own limit).</summary>
    [Range(0.01, 100_000, ErrorMessage = "must be from 0.01 to 100000")]
    public double PerSecond { get; set; } = 1;

    /// <summary>The burst the app keeps while throttled (default 5).</summary>
    [Range(1, 100_000, ErrorMessage = "must be from 1 to 100000")]
    public int Burst { get; set; } = 5;

    /// <summary>The first throttle's length (default 300 s: longer than the too-many-requests window, so a backed-off app is clean when it ends).</summary>
    [Range(1, 604_800, ErrorMessage = "must be from 1 to 604800 seconds")]
    public int DurationSeconds { get; set; } = 300;

    /// <summary>Each repeat lasts this many times the one before (default 4: 5 min, 20 min...).</summary>
    [Range(1, 100, ErrorMessage = "must be from 1 to 100")]
    public double EscalationFactor { get; set; } = 4;

    /// <summary>No throttle lasts longer (default 86400 s).</summary>
    [Range(1, 2_592_000, ErrorMessage = "must be from 1 to 2592000 seconds")]
    public int MaxDurationSeconds { get; set; } = 86_400;

    /// <summary>The how-manieth throttle within the repeat window is a suspension instead (default 3; 0: never).</summary>
    [Range(0, 1000, ErrorMessage = "must be from 0 to 1000")]
    public int SuspendAfter { get; set; } = 3;

    /// <summary>How long earlier throttles of the app count as repeats (default 86400 s: a day, as fail2ban's findtime for recidivists).</summary>
    [Range(1, 31_536_000, ErrorMessage = "must be from 1 to 31536000 seconds")]
    public int RepeatWindowSeconds { get; set; } = 86_400;

    /// <summary>How long the <paramref name="previous"/>+1th throttle lasts.</summary>
    public TimeSpan DurationAfter(int previous) =>
        TimeSpan.FromSeconds(Math.Min(MaxDurationSeconds, DurationSeconds * Math.Pow(EscalationFactor, Math.Min(previous, 60))));
}
