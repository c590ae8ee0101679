using PatientAccess.Fhir.Search;

namespace PatientAccess.FhirStore.Search;

/// <summary>
/// One search parameter occurrence: its conditions are OR-ed; clauses are AND-ed.
/// <see cref="Negated"/> is the <c>:not</c> modifier (no value of the parameter matches).
/// </summary>
public sealed record SearchClause(string Code, SearchParamType Type, IReadOnlyList<SearchCondition> Conditions, bool Negated = false)
{
    /// <summary>The pseudo-parameters held in the resource table itself rather than an index table.</summary>
    public bool IsId => Code == "_id";

    public bool IsLastUpdated => Code == "_lastUpdated";
}
