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

    /// <summary>
    /// Longest value of one parameter, in characters. A longer one is refused (400) before it
    /// reaches the database: SQLite refuses LIKE patterns over 50,000 bytes, and no real search
    /// value comes near; 8,192 at most, so an escaped pattern always stays under SQLite's limit.
    /// </summary>
    [Range(16, 8192, ErrorMessage = "must be from 16 to 8192")]
    public int MaxValueLength { get; set; } = 2048;

    /// <summary>Most keys in <c>_sort</c>: each one is a subquery per row and a term of the paging condition.</summary>
    [Range(1, 20, ErrorMessage = "must be from 1 to 20")]
    public int MaxSortKeys { get; set; } = 5;
}
