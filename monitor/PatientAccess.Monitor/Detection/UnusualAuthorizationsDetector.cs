using System.Globalization;
using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Detection;

/// <summary>
/// Member authorizations (<c>grant.approved</c>) of an app in the window against its own history
/// (see <see cref="BaselineOptions"/> for the test). The history is kept in whole windows for
/// <see cref="BaselineOptions.HistoryWindows"/> and survives a reinstatement; the current window
/// does not, so a reinstated app is judged on the grants after it.
/// </summary>
internal sealed class UnusualAuthorizationsDetector(DetectionOptions options)
    : Detector(DetectorNames.UnusualAuthorizations, options.UnusualAuthorizations, options.BucketsPerWindow)
{
    public const string Grants = "grants";
    public const string History = "grants-history";

    private readonly BaselineOptions _options = options.UnusualAuthorizations;

    protected override IReadOnlyList<Series> DefineSeries() =>
    [
        Windowed(Grants),
        // Two more than the history: the window's own bucket and the one it overlaps are not history.
        new(History, SeriesKind.Count, _options.WindowSeconds, _options.HistoryWindows + 2, AcrossReinstatements: true),
    ];

    public override bool TracksFirstSeen => true;

    public override IEnumerable<Mark> Tally(SourceEvent e) =>
        e.Producer == SourceEvent.AuthServer && e.Type == "grant.approved" ? [new Mark(Grants), new Mark(History, Evidence: false)] : [];

    public override Judgement? Judge(WindowReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var count = reading.Sum(Grants);
        if (count < _options.Threshold)
        {
            return null;
        }

        var history = HistoryOf(reading);
        var n = history.Length;
        var isNew = n < _options.MinimumHistoryWindows;
        var mean = n == 0 ? 0 : history.Average();
        var expected = isNew
            ? Math.Max(_options.Floor, _options.StartingRate)
            : Math.Max(_options.Floor, (history.Sum() + (_options.StartingRate * _options.PriorWindows)) / (n + _options.PriorWindows));
        // Overdispersion (daily cycles, launches) widens the tail: the history's variance-to-mean ratio, at least 1.
        var dispersion = n >= 2 && mean > 0 ? Math.Max(1, history.Sum(x => (x - mean) * (x - mean)) / (n - 1) / mean) : 1;
        var probability = CountTail.NegativeBinomial(count, expected, expected * dispersion);
        if (probability > _options.MaxProbability)
        {
            return null;
        }

        var spread = dispersion > 1 ? string.Create(CultureInfo.InvariantCulture, $", dispersion {dispersion:0.##}") : string.Empty;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{count} member authorizations in {_options.WindowSeconds} s; expected {expected:0.##} from {n} past windows (smoothed towards the starting rate {_options.StartingRate}, floor {_options.Floor}{spread}); chance of at least {count}: {probability:G3} (flagged at {_options.MaxProbability:G3} and at least {_options.Threshold}).");
        if (isNew)
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $" New app (fewer than {_options.MinimumHistoryWindows} windows of history): judged against the starting rate, review only.");
        }

        return new Judgement(count, _options.Threshold, text, isNew ? ActionNames.Alert : _options.Action,
            Expected: expected, HistoryWindows: n, Probability: probability);
    }

    /// <summary>The whole windows before the current one, since the app was first seen.</summary>
    private double[] HistoryOf(WindowReading reading)
    {
        if (!reading.Counts.TryGetValue(History, out var buckets) || reading.FirstSeen is not { } first)
        {
            return [];
        }

        var series = Series[1];
        var starts = series.WindowBuckets(reading.End.ToUnixTimeSeconds());
        var firstBucket = series.BucketOf(first.ToUnixTimeSeconds());
        var result = new List<double>(_options.HistoryWindows);
        for (var i = 0; i < _options.HistoryWindows && i < buckets.Length; i++)
        {
            if (starts[i] >= firstBucket)
            {
                result.Add(buckets[i]);
            }
        }

        return [.. result];
    }
}
