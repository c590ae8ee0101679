using PatientAccess.FhirStore.Search;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>
/// Date prefixes over ranges (FHIR R4 §3.1.1.4.3): the stored value covers [low, high),
/// the search value [slo, shi); both in UTC ticks.
/// </summary>
internal static class DateSql
{
    public static string Compare(DateCondition condition, string low, string high, SqlParameters p)
    {
        var slo = p.Add(condition.Range.Low.UtcTicks);
        var shi = p.Add(condition.Range.High.UtcTicks);
        var within = $"({low} >= {slo} AND {high} <= {shi})";
        return condition.Prefix switch
        {
            SearchPrefix.Eq => within,
            SearchPrefix.Ne => $"NOT {within}",
            SearchPrefix.Gt => $"{high} > {shi}",
            SearchPrefix.Lt => $"{low} < {slo}",
            SearchPrefix.Ge => $"({high} > {shi} OR {within})",
            SearchPrefix.Le => $"({low} < {slo} OR {within})",
            SearchPrefix.Sa => $"{low} >= {shi}",
            SearchPrefix.Eb => $"{high} <= {slo}",
            SearchPrefix.Ap => Approximately(condition, low, high, p),
            _ => "0=1",
        };
    }

    // "ap": overlaps the search range widened by 10% of its distance from now (at least a day).
    private static string Approximately(DateCondition condition, string low, string high, SqlParameters p)
    {
        var distance = (DateTimeOffset.UtcNow - condition.Range.Low).Duration();
        var slack = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerDay, distance.Ticks / 10));
        var from = condition.Range.Low.UtcTicks - Math.Min(slack.Ticks, condition.Range.Low.UtcTicks);
        var to = condition.Range.High.UtcTicks + Math.Min(slack.Ticks, DateTimeOffset.MaxValue.UtcTicks - condition.Range.High.UtcTicks);
        return $"({low} < {p.Add(to)} AND {high} > {p.Add(from)})";
    }
}
