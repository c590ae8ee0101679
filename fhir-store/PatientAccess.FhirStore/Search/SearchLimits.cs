using System.ComponentModel.DataAnnotations;

namespace PatientAccess.FhirStore.Search;

/// <summary>Page sizes and the bounds that keep one search from costing too much.</summary>
public sealed class SearchLimits
{
    public const string Section = "Search";

    /// <summary>Page size when the caller gives no <c>_count</c>.</summary>
    [Range(1, 500, ErrorMessage = "must be from 1 to 500")]
    public int DefaultCount { get; set; } = 50;

    /// <summary>Largest page served; a larger <c>_count</c> is cut to this, as the spec allows.</summary>
    [Range(1, 5000, ErrorMessage = "must be from 1 to 5000")]
    public int MaxCount { get; set; } = 500;

    /// <summary>Most values in one parameter and most parameters in one search.</summary>
    [Range(1, 1000, ErrorMessage = "must be from 1 to 1000")]
    public int MaxValuesPerParameter { get; set; } = 50;

    [Range(1, 1000, ErrorMessage = "must be from 1 to 1000")]
    public int MaxParameters { get; set; } = 30;
}
