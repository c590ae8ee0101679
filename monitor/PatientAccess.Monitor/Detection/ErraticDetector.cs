using System.Globalization;
using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Detection;

/// <summary>
/// Erratic behaviour: a high share of error answers over a minimum volume (rate limiting excluded
/// from both sides; 5xx, the plan's own failures, only in the total), or scanning: many not-found
/// answers to distinct targets in the window.
/// </summary>
internal sealed class ErraticDetector(DetectionOptions options) : Detector(DetectorNames.Erratic, options.Erratic, options.BucketsPerWindow)
{
    public const string Errors = "errors";
    public const string Total = "total";
    public const string NotFound = "not-found";

    private readonly ErraticOptions _options = options.Erratic;

    protected override IReadOnlyList<Series> DefineSeries() => [Windowed(Errors), Windowed(Total), Windowed(NotFound, SeriesKind.Distinct)];

    public override IEnumerable<Mark> Tally(SourceEvent e)
    {
        // Rate limiting is another detector's; a revoked token is the plan's doing (a member disconnected the app).
        if (e.Producer != SourceEvent.Gateway || e.Status is not { } status || e.Reason is "rate-limit" or "token-revoked")
        {
            yield break;
        }

        yield return new Mark(Total, Evidence: false);
        if (status is >= 400 and < 500)
        {
            yield return new Mark(Errors);
        }

        if (status == 404)
        {
            // The target's id when the gateway sends one (a repeat counts once); else the event itself.
            yield return new Mark(NotFound, e.ResourceId is { } id ? $"{e.ResourceType}/{id}" : e.Id);
        }
    }

    public override Judgement? Judge(WindowReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var total = reading.Sum(Total);
        var errors = reading.Sum(Errors);
        var distinct = reading.DistinctOf(NotFound);
        if (distinct >= _options.DistinctNotFound)
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"Scanning: {distinct} not-found answers to distinct targets in {_options.WindowSeconds} s (threshold {_options.DistinctNotFound}), of {total} requests.");
            return new Judgement(distinct, _options.DistinctNotFound, text, _options.Action, Total: total);
        }

        if (total < _options.MinimumVolume || errors < _options.Threshold * total)
        {
            return null;
        }

        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"{errors} of {total} answers in {_options.WindowSeconds} s were errors ({(double)errors / total:P0}; threshold {_options.Threshold:P0} over at least {_options.MinimumVolume} requests; rate limiting excluded).");
        return new Judgement(errors, _options.Threshold, explanation, _options.Action, Total: total);
    }
}
