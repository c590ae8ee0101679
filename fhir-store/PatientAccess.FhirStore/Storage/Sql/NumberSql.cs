using PatientAccess.FhirStore.Search;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>
/// Number and quantity prefixes. <c>eq 100</c> means the value lies in [99.5, 100.5), the
/// precision written; the ordering prefixes compare with the value itself.
/// </summary>
internal static class NumberSql
{
    public static string Compare(NumberCondition n, string low, string high, SqlParameters p) => n.Prefix switch
    {
        SearchPrefix.Eq => $"({low} >= {p.Add((double)n.Low)} AND {high} < {p.Add((double)n.High)})",
        SearchPrefix.Ne => $"NOT ({low} >= {p.Add((double)n.Low)} AND {high} < {p.Add((double)n.High)})",
        SearchPrefix.Gt or SearchPrefix.Sa => $"{high} > {p.Add((double)n.Value)}",
        SearchPrefix.Lt or SearchPrefix.Eb => $"{low} < {p.Add((double)n.Value)}",
        SearchPrefix.Ge => $"{high} >= {p.Add((double)n.Value)}",
        SearchPrefix.Le => $"{low} <= {p.Add((double)n.Value)}",
        SearchPrefix.Ap => $"({low} >= {p.Add((double)(n.Value - Math.Abs(n.Value) / 10))} AND {high} <= {p.Add((double)(n.Value + Math.Abs(n.Value) / 10))})",
        _ => "0=1",
    };
}
