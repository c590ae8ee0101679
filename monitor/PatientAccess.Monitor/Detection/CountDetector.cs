using System.Globalization;
using PatientAccess.Monitor.Events;

namespace PatientAccess.Monitor.Detection;

/// <summary>
/// A detector that counts matching events in its window and flags at the threshold: write
/// attempts, too many requests, non-US addresses, token abuse.
/// </summary>
internal abstract class CountDetector(string name, DetectorOptions options, int bucketsPerWindow) : Detector(name, options, bucketsPerWindow)
{
    protected const string Hits = "hits";

    /// <summary>What the count is of, for the explanation ("refused write attempts").</summary>
    protected abstract string What { get; }

    protected override IReadOnlyList<Series> DefineSeries() => [Windowed(Hits)];

    protected abstract bool Matches(SourceEvent e);

    public override IEnumerable<Mark> Tally(SourceEvent e) => Matches(e) ? [new Mark(Hits)] : [];

    public override Judgement? Judge(WindowReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var count = reading.Sum(Hits);
        if (count < Options.Threshold)
        {
            return null;
        }

        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"{count} {What} in {Options.WindowSeconds} s (threshold {Options.Threshold}).");
        return new Judgement(count, Options.Threshold, explanation, Options.Action);
    }
}
