namespace PatientAccess.Monitor.Detection;

/// <summary>How a series is kept in Redis per bucket.</summary>
internal enum SeriesKind
{
    /// <summary>A number (INCRBY); read as one value per bucket.</summary>
    Count,

    /// <summary>Distinct values (PFADD, HyperLogLog); read as the size of the window's union (PFCOUNT).</summary>
    Distinct,

    /// <summary>A count per label (HINCRBY, e.g. per country); read only as evidence, when a flag is raised.</summary>
    Labels,
}
