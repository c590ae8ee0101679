using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>
/// The classic Prometheus process metrics (<c>process_cpu_seconds_total</c>,
/// <c>process_resident_memory_bytes</c>, ...) that stock Grafana panels expect; the
/// .NET runtime's own meter (System.Runtime) covers GC, JIT and thread pool.
/// </summary>
internal sealed class ProcessMetrics
{
    public const string MeterName = "PatientAccess.Process";

    public ProcessMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        var startTime = new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;

        meter.CreateObservableCounter("process.cpu", () => Current().TotalProcessorTime.TotalSeconds, "s",
            "Total user and system CPU time spent in seconds.");
        meter.CreateObservableGauge("process.resident_memory", () => Current().WorkingSet64, "By",
            "Resident memory size in bytes.");
        meter.CreateObservableGauge("process.virtual_memory", () => Current().VirtualMemorySize64, "By",
            "Virtual memory size in bytes.");
        meter.CreateObservableGauge("process.start_time", () => startTime, "s",
            "Start time of the process since unix epoch in seconds.");
        meter.CreateObservableGauge("process.open_fds", OpenFileDescriptors, "{fd}",
            "Number of open file descriptors.");
        meter.CreateObservableGauge("process.threads", () => Current().Threads.Count, "{thread}",
            "Number of OS threads in the process.");
    }

    private static Process Current()
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        return process;
    }

    private static IEnumerable<Measurement<int>> OpenFileDescriptors()
    {
        // Linux only; elsewhere the gauge is simply absent.
        if (Directory.Exists("/proc/self/fd"))
        {
            yield return new Measurement<int>(Directory.EnumerateFileSystemEntries("/proc/self/fd").Count());
        }
    }
}
