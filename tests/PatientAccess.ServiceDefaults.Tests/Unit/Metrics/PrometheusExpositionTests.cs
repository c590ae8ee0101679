namespace PatientAccess.ServiceDefaults.Tests.Unit.Metrics;

public sealed class PrometheusExpositionTests
{
    [Fact]
    public void Scrape_CounterWithLabelsNeedingEscapes_EscapedExactly()
    {
        using var fixture = new CollectorFixture();
        var counter = fixture.Meter.CreateCounter<long>("app.requests", "{request}", "Requests by \"client\"\nand path \\ route.");
        counter.Add(2, new KeyValuePair<string, object?>("client.id", "a\"b\\c\nd"));
        counter.Add(3, new KeyValuePair<string, object?>("client.id", "a\"b\\c\nd"));
        counter.Add(1, new KeyValuePair<string, object?>("client.id", "plain"));

        Assert.Equal(
            "# HELP app_requests_total Requests by \"client\"\\nand path \\\\ route.\n" +
            "# TYPE app_requests_total counter\n" +
            "app_requests_total{client_id=\"a\\\"b\\\\c\\nd\"} 5\n" +
            "app_requests_total{client_id=\"plain\"} 1\n",
            fixture.Collector.Scrape());
    }

    [Fact]
    public void Scrape_Histogram_CumulativeBucketsSumAndCount()
    {
        using var fixture = new CollectorFixture(o => o.HistogramBuckets["app.latency"] = "5, 1,2");
        var histogram = fixture.Meter.CreateHistogram<double>("app.latency", "s", "Latency.");
        foreach (var value in new[] { 0.5, 1, 3, 100 })
        {
            histogram.Record(value, new KeyValuePair<string, object?>("route", "/r4/{type}"));
        }

        Assert.Equal(
            "# HELP app_latency_seconds Latency.\n" +
            "# TYPE app_latency_seconds histogram\n" +
            "app_latency_seconds_bucket{route=\"/r4/{type}\",le=\"1\"} 2\n" +
            "app_latency_seconds_bucket{route=\"/r4/{type}\",le=\"2\"} 2\n" +
            "app_latency_seconds_bucket{route=\"/r4/{type}\",le=\"5\"} 3\n" +
            "app_latency_seconds_bucket{route=\"/r4/{type}\",le=\"+Inf\"} 4\n" +
            "app_latency_seconds_sum{route=\"/r4/{type}\"} 104.5\n" +
            "app_latency_seconds_count{route=\"/r4/{type}\"} 4\n",
            fixture.Collector.Scrape());
    }

    [Fact]
    public void Scrape_HistogramWithAdvice_UsesAdvisedBuckets()
    {
        using var fixture = new CollectorFixture();
        var histogram = fixture.Meter.CreateHistogram<double>("app.size", "By", "Sizes.",
            advice: new System.Diagnostics.Metrics.InstrumentAdvice<double> { HistogramBucketBoundaries = [100, 1000] });
        histogram.Record(150);

        var text = fixture.Collector.Scrape();

        Assert.Contains("app_size_bytes_bucket{le=\"100\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("app_size_bytes_bucket{le=\"1000\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("app_size_bytes_bucket{le=\"+Inf\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_UpDownCounterAndGauges_GaugeType()
    {
        using var fixture = new CollectorFixture();
        var inFlight = fixture.Meter.CreateUpDownCounter<int>("app.in_flight", null, "In flight.");
        inFlight.Add(5);
        inFlight.Add(-2);
        fixture.Meter.CreateObservableGauge("app.temperature", () => -1.25, "Cel", "Temperature.");
        var spool = fixture.Meter.CreateGauge<long>("app.spool.depth", null, "Spool depth.");
        spool.Record(7);
        spool.Record(4);

        Assert.Equal(
            "# HELP app_in_flight In flight.\n# TYPE app_in_flight gauge\napp_in_flight 3\n" +
            "# HELP app_spool_depth Spool depth.\n# TYPE app_spool_depth gauge\napp_spool_depth 4\n" +
            "# HELP app_temperature_celsius Temperature.\n# TYPE app_temperature_celsius gauge\napp_temperature_celsius -1.25\n",
            fixture.Collector.Scrape());
    }

    [Fact]
    public void Scrape_ObservableSeriesNoLongerReported_Disappears()
    {
        using var fixture = new CollectorFixture();
        var clients = new List<string> { "app-a", "app-b" };
        fixture.Meter.CreateObservableGauge("app.clients", () => clients.Select(c =>
            new System.Diagnostics.Metrics.Measurement<int>(1, new KeyValuePair<string, object?>("client", c))).ToList());

        Assert.Contains("client=\"app-b\"", fixture.Collector.Scrape(), StringComparison.Ordinal);
        clients.Remove("app-b");
        var second = fixture.Collector.Scrape();

        Assert.Contains("client=\"app-a\"", second, StringComparison.Ordinal);
        Assert.DoesNotContain("app-b", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_TagsInAnyOrder_OneSeries()
    {
        using var fixture = new CollectorFixture();
        var counter = fixture.Meter.CreateCounter<int>("app.hits");
        counter.Add(1, new("a", 1), new("b", "x"));
        counter.Add(1, new("b", "x"), new("a", 1));

        Assert.Contains("app_hits_total{a=\"1\",b=\"x\"} 2\n", fixture.Collector.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_NegativeCounterIncrement_Ignored()
    {
        using var fixture = new CollectorFixture();
        var counter = fixture.Meter.CreateCounter<double>("app.money");
        counter.Add(2.5);
        counter.Add(-1);

        Assert.Contains("app_money_total 2.5\n", fixture.Collector.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_ConcurrentIncrements_NoneLost()
    {
        using var fixture = new CollectorFixture();
        var counter = fixture.Meter.CreateCounter<long>("app.concurrent");
        var histogram = fixture.Meter.CreateHistogram<double>("app.concurrent.latency", "s");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.Add(1, new KeyValuePair<string, object?>("worker", t % 2));
                histogram.Record(0.001);
            }
        })));

        var text = fixture.Collector.Scrape();

        Assert.Contains("app_concurrent_total{worker=\"0\"} 40000\n", text, StringComparison.Ordinal);
        Assert.Contains("app_concurrent_total{worker=\"1\"} 40000\n", text, StringComparison.Ordinal);
        Assert.Contains("app_concurrent_latency_seconds_count 80000\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_MeterNotListed_NotExposed()
    {
        using var fixture = new CollectorFixture();
        using var other = new System.Diagnostics.Metrics.Meter("not-listed." + Guid.NewGuid().ToString("N"));
        other.CreateCounter<int>("hidden.counter").Add(1);

        Assert.DoesNotContain("hidden_counter", fixture.Collector.Scrape(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e20, "1E+20")]
    [InlineData(-3, "-3")]
    public void FormatNumber_SpecialValues_PrometheusSpelling(double value, string expected) =>
        Assert.Equal(expected, PatientAccess.ServiceDefaults.Metrics.PrometheusTextWriter.FormatNumber(value));

    [Fact]
    public async Task Scrape_CounterGaugeHistogramWithEscapes_PassesPromtool()
    {
        using var fixture = new CollectorFixture();
        fixture.Meter.CreateCounter<long>("app.events", null, "Events.").Add(1, new KeyValuePair<string, object?>("reason", "quote \" backslash \\ newline \n end"));
        fixture.Meter.CreateObservableGauge("app.queue.depth", () => 3, null, "Queue depth.");
        fixture.Meter.CreateHistogram<double>("app.duration", "s", "Durations.").Record(0.2, new KeyValuePair<string, object?>("path", "C:\\temp\\\"x\""));

        var (ok, report) = await Testing.Promtool.CheckMetricsAsync(fixture.Collector.Scrape());

        Assert.True(ok, report);
    }
}
