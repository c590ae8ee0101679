namespace PatientAccess.Monitor.Detection;

/// <summary>
/// One detector: which events it counts into which series (<see cref="Tally"/>, pure), and whether
/// an app's window crossed its threshold (<see cref="Judge"/>, pure). Counting, time and Redis are
/// the <see cref="DetectionObserver"/>'s.
/// </summary>
internal abstract class Detector(string name, DetectorOptions options, int bucketsPerWindow)
{
    public string Name { get; } = name;

    public DetectorOptions Options { get; } = options;

    public int WindowSeconds => Options.WindowSeconds;

    /// <summary>The series of the window, in buckets of a <c>bucketsPerWindow</c>th of it.</summary>
    protected Series Windowed(string metric, SeriesKind kind = SeriesKind.Count) =>
        new(metric, kind, Math.Max(1, Options.WindowSeconds / bucketsPerWindow), bucketsPerWindow);

    /// <summary>What the detector keeps per app (made once: they are dictionary keys).</summary>
    public IReadOnlyList<Series> Series => field ??= DefineSeries();

    /// <summary>The series whose buckets keep the sample event ids.</summary>
    public virtual Series EvidenceSeries => Series[0];

    /// <summary>Whether the detector keeps the time it first counted an app (baselines).</summary>
    public virtual bool TracksFirstSeen => false;

    protected abstract IReadOnlyList<Series> DefineSeries();

    /// <summary>What <paramref name="e"/> adds; nothing when it is not this detector's business. Only events with a client_id come here.</summary>
    public abstract IEnumerable<Mark> Tally(Events.SourceEvent e);

    /// <summary>A finding if the window crossed the threshold; else null.</summary>
    public abstract Judgement? Judge(WindowReading reading);
}
