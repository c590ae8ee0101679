using System.Data.Common;
using System.Globalization;
using System.Text;
using PatientAccess.Monitor.Storage;

namespace PatientAccess.Monitor.Search;

/// <summary>The WHERE clause of a search, with every value a parameter.</summary>
internal static class AuditQuerySql
{
    public static string Where(AuditQuery query, DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(command);
        var clauses = new List<string>();
        var n = 0;
        string P(object value)
        {
            var name = "@q" + (n++).ToString(CultureInfo.InvariantCulture);
            AuditStore.Add(command, name, value);
            return name;
        }

        foreach (var date in query.Dates)
        {
            if (date.FromMs is { } from)
            {
                clauses.Add($"recorded_ms >= {P(from)}");
            }

            if (date.BeforeMs is { } before)
            {
                clauses.Add($"recorded_ms < {P(before)}");
            }
        }

        AddAny(clauses, "client_id", query.Agents, P);
        AddAny(clauses, "patient", query.Patients, P);
        AddAny(clauses, "outcome", query.Outcomes, P);
        AddAny(clauses, "subtype", query.Subtypes, P);
        foreach (var values in query.Addresses)
        {
            clauses.Add("(" + string.Join(" OR ", values.Select(v => query.AddressExact
                ? $"address = {P(v)}"
                : $"substr(address, 1, {v.Length.ToString(CultureInfo.InvariantCulture)}) = {P(v)}")) + ")");
        }

        if (query.After is { } after)
        {
            var recorded = P(after.RecordedMs);
            clauses.Add($"(recorded_ms < {recorded} OR (recorded_ms = {P(after.RecordedMs)} AND seq < {P(after.Seq)}))");
        }

        if (clauses.Count == 0)
        {
            return string.Empty;
        }

        var sql = new StringBuilder(" WHERE ");
        sql.AppendJoin(" AND ", clauses);
        return sql.ToString();
    }

    private static void AddAny(List<string> clauses, string column, IReadOnlyList<IReadOnlyList<string>> groups, Func<object, string> parameter)
    {
        foreach (var values in groups)
        {
            clauses.Add($"{column} IN (" + string.Join(",", values.Select(v => parameter(v))) + ")");
        }
    }
}
