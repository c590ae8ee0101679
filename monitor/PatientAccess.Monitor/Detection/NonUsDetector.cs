using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Detection;

/// <summary>
/// Requests with the app's valid tokens refused for their country (reason <c>geo</c>); the
/// countries are kept too and named in the flag.
/// </summary>
internal sealed class NonUsDetector(DetectionOptions options)
    : CountDetector(DetectorNames.NonUs, options.NonUs, options.BucketsPerWindow)
{
    public const string Countries = "countries";

    protected override string What => "requests refused for coming from outside the allowed countries";

    protected override IReadOnlyList<Series> DefineSeries() => [Windowed(Hits), Windowed(Countries, SeriesKind.Labels)];

    protected override bool Matches(SourceEvent e) => e.Producer == SourceEvent.Gateway && e.Decision == "refuse" && e.Reason == "geo";

    public override IEnumerable<Mark> Tally(SourceEvent e) =>
        Matches(e) ? [new Mark(Hits), new Mark(Countries, e.Country ?? "unknown", Evidence: false)] : [];
}
