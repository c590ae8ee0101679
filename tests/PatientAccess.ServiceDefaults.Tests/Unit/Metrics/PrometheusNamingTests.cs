using System.Diagnostics.Metrics;
using PatientAccess.ServiceDefaults.Metrics;

namespace PatientAccess.ServiceDefaults.Tests.Unit.Metrics;

public sealed class PrometheusNamingTests
{
    [Theory]
    [InlineData("http.server.request.duration", "s", "Histogram", "http_server_request_duration_seconds")]
    [InlineData("dotnet.gc.collections", "{collection}", "Counter", "dotnet_gc_collections_total")]
    [InlineData("dotnet.gc.heap.total_allocated", "By", "Counter", "dotnet_gc_heap_total_allocated_bytes_total")]
    [InlineData("process.resident_memory", "By", "Gauge", "process_resident_memory_bytes")]
    [InlineData("process.cpu", "s", "Counter", "process_cpu_seconds_total")]
    [InlineData("requests_total", null, "Counter", "requests_total")]
    [InlineData("net.io", "By/s", "Gauge", "net_io_bytes_per_second")]
    [InlineData("latency_seconds", "s", "Histogram", "latency_seconds")]
    [InlineData("9lives..x-y", "1", "Gauge", "_9lives_x_y")]
    [InlineData("dotnet.timer.count", "{timer}", "Gauge", "dotnet_timer_count_value")]
    [InlineData("widgets.sum", null, "Gauge", "widgets_sum_value")]
    public void MetricName_OpenTelemetryName_PrometheusConventions(string name, string? unit, string kind, string expected) =>
        Assert.Equal(expected, PrometheusNaming.MetricName(name, unit, Enum.Parse<MetricKind>(kind)));

    [Theory]
    [InlineData("http.route", "http_route")]
    [InlineData("__reserved", "_reserved")]
    [InlineData("1st", "_1st")]
    [InlineData("a-b c", "a_b_c")]
    public void LabelName_TagName_ValidLabel(string tag, string expected) =>
        Assert.Equal(expected, PrometheusNaming.LabelName(tag));

    [Fact]
    public void KindOf_EachInstrumentType_PrometheusType()
    {
        using var meter = new Meter("kind-test");
        Assert.Equal(MetricKind.Counter, PrometheusNaming.KindOf(meter.CreateCounter<long>("a")));
        Assert.Equal(MetricKind.Counter, PrometheusNaming.KindOf(meter.CreateObservableCounter("b", () => 1L)));
        Assert.Equal(MetricKind.Gauge, PrometheusNaming.KindOf(meter.CreateUpDownCounter<int>("c")));
        Assert.Equal(MetricKind.Gauge, PrometheusNaming.KindOf(meter.CreateObservableUpDownCounter("d", () => 1)));
        Assert.Equal(MetricKind.Gauge, PrometheusNaming.KindOf(meter.CreateObservableGauge("e", () => 1.0)));
        Assert.Equal(MetricKind.Gauge, PrometheusNaming.KindOf(meter.CreateGauge<double>("f")));
        Assert.Equal(MetricKind.Histogram, PrometheusNaming.KindOf(meter.CreateHistogram<double>("g")));
    }
}
