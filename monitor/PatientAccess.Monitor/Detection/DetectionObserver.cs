using System.Globalization;
using Microsoft.Extensions.Options;
using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Flags;
using PatientAccess.Monitor.Observability;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Detection;

/// <summary>
/// Runs every detector over each batch of newly stored events, inside the batch that crossed:
/// events are clamped in time (<see cref="EventClock"/>), skipped when older than the app's last
/// reinstatement, tallied, written and summed in one Redis pipeline, judged, and each crossing goes
/// to the <see cref="FlagRaiser"/> at once (threshold to action within the batch). Events without a
/// client_id (no valid token) cannot be pinned on an app and are not counted.
/// </summary>
internal sealed class DetectionObserver(
    IEnumerable<Detector> detectors, WindowStore windows, FlagRaiser flags, MonitorMetrics metrics, IOptions<DetectionOptions> options, TimeProvider time)
    : IAuditObserver
{
    private readonly Detector[] _detectors = [.. detectors.Where(d => d.Options.Enabled)];
    private readonly DetectionOptions _options = options.Value;

    public async ValueTask ObserveAsync(IReadOnlyList<SourceEvent> stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        // Shown once each by the consumer; the same id twice in one batch (a producer's replay) counts once.
        var events = stored.Where(e => e.ClientId is not null).DistinctBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (events.Count == 0 || _detectors.Length == 0)
        {
            return;
        }

        var crossings = await DetectAsync(events, time.GetUtcNow());
        if (crossings.Count > 0)
        {
            await flags.RaiseAsync(crossings, cancellationToken);
        }
    }

    /// <summary>Counts <paramref name="events"/> as received at <paramref name="received"/>; returns the crossings with their evidence.</summary>
    public async Task<List<Crossing>> DetectAsync(IReadOnlyList<SourceEvent> events, DateTimeOffset received)
    {
        ArgumentNullException.ThrowIfNull(events);
        var clients = events.Select(e => e.ClientId!).Distinct(StringComparer.Ordinal).ToList();
        var epochs = await windows.EpochsAsync([.. clients.SelectMany(c => _detectors.Select(d => (d.Name, c)))]);
        var tallies = new Dictionary<(string Detector, string Client), AppTally>();
        foreach (var e in events)
        {
            foreach (var detector in _detectors)
            {
                var epoch = epochs[(detector.Name, e.ClientId!)];
                var marks = detector.Tally(e).ToList();
                if (marks.Count == 0)
                {
                    continue;
                }

                if (EventClock.Effective(e.Time, received, detector.WindowSeconds, _options.MaxFutureSkewSeconds) is not { } at)
                {
                    metrics.DetectionSkipped(detector.Name, "stale");
                    continue;
                }

                if (epoch > 0 && at.ToUnixTimeMilliseconds() <= epoch)
                {
                    // Evidence already judged: the app was reinstated (or its throttle ran out) after this event.
                    metrics.DetectionSkipped(detector.Name, "before-restart");
                    continue;
                }

                if (!tallies.TryGetValue((detector.Name, e.ClientId!), out var tally))
                {
                    tallies[(detector.Name, e.ClientId!)] = tally = new AppTally(detector, e.ClientId!, epoch, received);
                }

                foreach (var mark in marks)
                {
                    tally.Add(mark, e.Id, at, _options.SampleEventIds);
                }
            }
        }

        if (tallies.Count == 0)
        {
            return [];
        }

        var list = tallies.Values.ToList();
        var readings = await windows.RecordAndReadAsync(list, _options.SampleEventIds);
        var crossings = new List<Crossing>();
        for (var i = 0; i < list.Count; i++)
        {
            var tally = list[i];
            if (readings[i] is { } reading && tally.Detector.Judge(reading) is { } judgement)
            {
                crossings.Add(await EvidenceAsync(tally, judgement));
            }
        }

        return crossings;
    }

    private async Task<Crossing> EvidenceAsync(AppTally tally, Judgement judgement)
    {
        var detector = tally.Detector;
        var (samples, labels) = await windows.EvidenceAsync(detector, tally.ClientId, tally.Epoch, tally.End, _options.SampleEventIds);
        var explanation = judgement.Explanation;
        if (labels.Count > 0)
        {
            explanation += " By country: " + string.Join(", ", labels.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key} {l.Value}"))) + ".";
        }

        var evidence = new ReviewEvidence(judgement.Count, judgement.Threshold, detector.WindowSeconds, tally.End.AddSeconds(-detector.WindowSeconds), tally.End,
            judgement.Total, judgement.Expected, judgement.HistoryWindows, judgement.Probability, samples);
        return new Crossing(detector.Name, tally.ClientId, judgement.Action, detector.Options.Severity, evidence, explanation);
    }
}
