namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>
/// The visibility rule as SQL, applied to every row any query returns (matches, chained
/// targets, includes, history): a member sees their patients' compartments and the
/// shared directory resources, and sensitive-labeled resources only by consent.
/// </summary>
internal static class ScopeSql
{
    /// <summary>Resource types outside every patient's compartment that members may read.</summary>
    public static string[] SharedTypes => AccessFacts.SharedTypes;

    // knownType: the rows' resource type when the query fixes it, which turns the check into
    // one indexed lookup instead of an OR the planner cannot drive from an index.
    public static string Predicate(string alias, AccessScope scope, SqlParameters parameters, string? knownType = null)
    {
        if (scope.IsEverything)
        {
            return "1=1";
        }

        var compartment = scope.PatientIds.Count == 0
            ? "0=1"
            : $"{alias}.seq IN (SELECT c.res FROM compartment c WHERE c.patient IN {parameters.AddList(scope.PatientIds)})";
        var consented = scope.ConsentedLabels.Count == 0
            ? $"NOT EXISTS (SELECT 1 FROM security s WHERE s.res = {alias}.seq)"
            : $"NOT EXISTS (SELECT 1 FROM security s WHERE s.res = {alias}.seq AND s.label NOT IN {parameters.AddList(scope.ConsentedLabels)})";
        var visible = knownType is null
            ? $"({alias}.type IN {parameters.AddList(SharedTypes)} OR {compartment})"
            : SharedTypes.Contains(knownType) ? "1=1" : compartment;
        return $"({visible} AND {consented})";
    }
}
