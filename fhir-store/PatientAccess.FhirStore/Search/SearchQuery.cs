namespace PatientAccess.FhirStore.Search;

/// <summary>A parsed, validated search: what to match, how to order and page it, and what to add.</summary>
public sealed record SearchQuery(
    string ResourceType,
    IReadOnlyList<SearchClause> Clauses,
    IReadOnlyList<SortKey> Sort,
    int Count,
    PageCursor? After,
    IReadOnlyList<IncludeDirective> Includes,
    bool CountOnly,
    bool WithTotal,
    IReadOnlyList<string> Elements);
