using System.Diagnostics;
using System.Globalization;

namespace PatientAccess.FhirStore.Benchmarks;

/// <summary>Times repeated operations and reports exact percentiles (the sample is small enough to sort).</summary>
internal sealed class LatencyRecorder(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public async Task TimeAsync(Func<Task> operation)
    {
        var start = Stopwatch.GetTimestamp();
        await operation();
        _milliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    public string Row()
    {
        var sorted = _milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return $"| {Name} | 0 | – | – | – | – |";
        }

        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {sorted.Length} | {At(0.50):0.00} | {At(0.90):0.00} | {At(0.99):0.00} | {sorted[^1]:0.00} |");
    }
}
