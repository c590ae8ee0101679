namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>How measurements of one instrument combine into a series' value.</summary>
internal enum Aggregation
{
    /// <summary>Measurements are increments (Counter, UpDownCounter).</summary>
    Sum,

    /// <summary>The latest measurement is the value (gauges, and observable counters, which report totals).</summary>
    LastValue,

    /// <summary>Measurements fall into buckets (Histogram).</summary>
    Histogram,
}
