using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Monitor.Detection;

/// <summary>
/// Unusual member authorizations: <c>grant.approved</c> events of an app in the window, judged
/// against the app's own history of windows of the same length. The expected count is the
/// history's mean shrunk towards <see cref="StartingRate"/> (as if <see cref="PriorWindows"/> windows
/// at that rate came first) and never below <see cref="Floor"/>; the count's upper-tail probability
/// under a Poisson (negative binomial when the history is overdispersed, as daily cycles make it)
/// with that mean must be at most <see cref="MaxProbability"/>, and the count at least
/// <see cref="DetectorOptions.Threshold"/> (the minimum count: a tail test alone would flag 3 grants
/// against an expected 0.1). An app with fewer than <see cref="MinimumHistoryWindows"/> windows of
/// history is judged against the starting rate and only ever alerted on.
/// </summary>
public sealed class BaselineOptions : DetectorOptions
{
    /// <summary>Past windows the expectation comes from (default 168 one-hour windows: a week, so every weekday is in it).</summary>
    [Range(1, 10_000, ErrorMessage = "must be from 1 to 10000")]
    public int HistoryWindows { get; set; } = 168;

    /// <summary>Windows of history an app needs before its own rate counts and its flags may act (default 24: a day).</summary>
    [Range(1, 10_000, ErrorMessage = "must be from 1 to 10000")]
    public int MinimumHistoryWindows { get; set; } = 24;

    /// <summary>The rate per window a new app is judged against, and the history is shrunk towards (default 2 an hour, as the alert rule AppMemberAuthorizationsAboveBaseline).</summary>
    [Range(0.001, 1_000_000, ErrorMessage = "must be above 0")]
    public double StartingRate { get; set; } = 2;

    /// <summary>How many windows the starting rate weighs in the smoothed rate (default 24).</summary>
    [Range(0, 10_000, ErrorMessage = "must be from 0 to 10000")]
    public double PriorWindows { get; set; } = 24;

    /// <summary>The expected count never goes below this (default 1 a window: a quiet app's zero-heavy history must not make 3 grants a shock).</summary>
    [Range(0.001, 1_000_000, ErrorMessage = "must be above 0")]
    public double Floor { get; set; } = 1;

    /// <summary>
    /// The upper-tail probability at or below which the count is unusual (default 1e-6: checked on
    /// every grant, a steady app is flagged by chance far less than once a year).
    /// </summary>
    [Range(1e-15, 0.5, ErrorMessage = "must be from 1e-15 to 0.5")]
    public double MaxProbability { get; set; } = 1e-6;

    public BaselineOptions()
    {
        WindowSeconds = 3600;
        Threshold = 10;
        Action = Reviews.ActionNames.Suspend;
        Severity = Severities.Warning;
    }
}
