namespace PatientAccess.FhirStore.Search;

/// <summary>What <see cref="SearchParser"/> has gathered so far from one search.</summary>
internal sealed class ParseState(string resourceType, bool strict)
{
    public string ResourceType { get; } = resourceType;

    public bool Strict { get; } = strict;

    public List<SearchClause> Clauses { get; } = [];

    public List<SortKey> Sort { get; } = [];

    public List<IncludeDirective> Includes { get; } = [];

    public List<string> Elements { get; } = [];

    public List<string> Errors { get; } = [];

    public List<string> Ignored { get; } = [];

    public int? Count { get; set; }

    public PageCursor? Cursor { get; set; }

    public bool CountOnly { get; set; }

    public bool WithTotal { get; set; }
}
