namespace PatientAccess.FhirStore.Search;

/// <summary>Page sizes and the bounds that keep one search from costing too much.</summary>
public sealed class SearchLimits
{
    public const string Section = "Search";

    /// <summary>Page size when the caller gives no <c>_count</c>.</summary>
    public int DefaultCount { get; set; } = 50;

    /// <summary>Largest page served; a larger <c>_count</c> is cut to this, as the spec allows.</summary>
    public int MaxCount { get; set; } = 500;

    /// <summary>Most values in one parameter and most parameters in one search.</summary>
    public int MaxValuesPerParameter { get; set; } = 50;

    public int MaxParameters { get; set; } = 30;

    /// <summary>Most resources one page may add through _include and _revinclude.</summary>
    public int MaxIncluded { get; set; } = 1000;
}
