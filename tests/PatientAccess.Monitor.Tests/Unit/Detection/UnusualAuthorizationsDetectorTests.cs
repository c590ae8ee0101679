using PatientAccess.Monitor.Detection;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Tests.Unit.Detection;

/// <summary>
/// The baseline test on member authorizations: a steady app with a zero-heavy history is not flagged
/// by a normal day, a burst is (with the probability shown), daily peaks widen the tail (negative
/// binomial), and a new app is judged against the starting rate and only ever alerted on.
/// </summary>
public sealed class UnusualAuthorizationsDetectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 30, 0, TimeSpan.Zero);

    /// <summary>A week of hourly history (oldest first), the current window's count, and the app first seen <paramref name="firstSeen"/> ago.</summary>
    private static WindowReading Reading(IReadOnlyList<long> history, long current, TimeSpan firstSeen)
    {
        // The series holds the history windows then the two the current window overlaps.
        var buckets = history.Concat([0L, 0L]).ToArray();
        return new WindowReading("app-1", Now,
            new Dictionary<string, long[]>
            {
                [UnusualAuthorizationsDetector.Grants] = [current],
                [UnusualAuthorizationsDetector.History] = buckets,
            },
            new Dictionary<string, long>(), Now - firstSeen);
    }

    /// <summary>Three grants a day, at three hours of it: most hours are zero.</summary>
    private static long[] QuietWeek() => [.. Enumerable.Range(0, 7).SelectMany(_ => Enumerable.Repeat(0L, 21).Concat([1L, 1L, 1L]))];

    /// <summary>A busier app: nothing most hours, 5 to 8 grants in four evening hours.</summary>
    private static long[] PeakyWeek() => [.. Enumerable.Range(0, 7).SelectMany(_ => Enumerable.Repeat(0L, 20).Concat([6L, 8L, 7L, 5L]))];

    private static UnusualAuthorizationsDetector Detector(Action<BaselineOptions>? change = null)
    {
        var options = new DetectionOptions();
        change?.Invoke(options.UnusualAuthorizations);
        return new UnusualAuthorizationsDetector(options);
    }

    [Fact]
    public void Judge_QuietAppNormalDay_NeverFlagged()
    {
        // Minimum count 1: the tail probability alone must keep a normal day quiet.
        var detector = Detector(o => o.Threshold = 1);
        foreach (var count in new long[] { 0, 1, 2, 3 })
        {
            Assert.Null(detector.Judge(Reading(QuietWeek(), count, TimeSpan.FromDays(30))));
        }
    }

    [Fact]
    public void Judge_QuietAppBurst_FlaggedWithTheProbabilityAndHistory()
    {
        var judgement = Detector().Judge(Reading(QuietWeek(), 15, TimeSpan.FromDays(30)));

        Assert.NotNull(judgement);
        Assert.Equal(ActionNames.Suspend, judgement.Action);
        Assert.Equal(15, judgement.Count);
        Assert.Equal(168, judgement.HistoryWindows);
        // The week's mean (0.125) is below the floor: expected 1 an hour.
        Assert.Equal(1.0, judgement.Expected!.Value, 1e-9);
        // P(X >= 15) for Poisson(1), computed independently.
        Assert.Equal(3.000010666525206e-13, judgement.Probability!.Value, 1e-18);
        Assert.Contains("expected 1 from 168 past windows", judgement.Explanation, StringComparison.Ordinal);
        Assert.Contains("3E-13", judgement.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_DailyPeaksInHistory_PeakHourNotFlaggedThoughAPoissonWouldFlagIt()
    {
        var reading = Reading(PeakyWeek(), 12, TimeSpan.FromDays(30));

        Assert.Null(Detector().Judge(reading));
        // The same count against the same mean without the history's dispersion would be "unusual".
        Assert.True(CountTail.Poisson(12, 230.0 / 192) < new BaselineOptions().MaxProbability);
    }

    [Fact]
    public void Judge_DailyPeaksInHistory_RealBurstStillFlagged()
    {
        var judgement = Detector().Judge(Reading(PeakyWeek(), 100, TimeSpan.FromDays(30)));

        Assert.NotNull(judgement);
        Assert.Contains("dispersion", judgement.Explanation, StringComparison.Ordinal);
        Assert.True(judgement.Probability < 1e-9);
    }

    [Fact]
    public void Judge_NewApp_JudgedAgainstStartingRateAndOnlyAlerted()
    {
        // First seen at 07:30, judged at 12:30: the windows of 07:00 (in part), 08, 09 and 10 are its
        // history (11 and 12 overlap the current window): fewer than the 24 an app needs.
        var reading = Reading([.. Enumerable.Repeat(0L, 168)], 15, TimeSpan.FromHours(5));
        var judgement = Detector().Judge(reading);

        Assert.NotNull(judgement);
        Assert.Equal(ActionNames.Alert, judgement.Action);
        Assert.Equal(2.0, judgement.Expected!.Value, 1e-9);
        Assert.Equal(4, judgement.HistoryWindows);
        Assert.Equal(3.871230404600297e-09, judgement.Probability!.Value, 1e-15);
        Assert.Contains("New app", judgement.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NewAppModestStart_NotFlagged()
    {
        // 10 against the starting rate of 2: P = 4.6e-5, not unusual enough.
        var reading = Reading([.. Enumerable.Repeat(0L, 168)], 10, TimeSpan.FromMinutes(40));
        Assert.Null(Detector().Judge(reading));
    }

    [Fact]
    public void Judge_BelowMinimumCount_NotFlaggedWhateverTheProbability()
    {
        // Against an expected 1, 9 is very unlikely (about 1e-6) but under the minimum count of 10.
        Assert.Null(Detector(o => o.MaxProbability = 0.01).Judge(Reading(QuietWeek(), 9, TimeSpan.FromDays(30))));
    }

    [Fact]
    public void Tally_OnlyApprovedGrants()
    {
        var detector = Detector();
        Assert.Equal([UnusualAuthorizationsDetector.Grants, UnusualAuthorizationsDetector.History], Readings.Metrics(detector, Readings.AuthServer("grant.approved")));
        Assert.Empty(Readings.Metrics(detector, Readings.AuthServer("grant.denied")));
        Assert.Empty(Readings.Metrics(detector, Readings.Gateway()));
    }
}
