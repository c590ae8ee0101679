using System.Data.Common;
using PatientAccess.FhirStore.Search;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>
/// <c>_include</c> and <c>_revinclude</c> for one page: every added resource passes the same
/// scope check as a match, so neither can reach another member's data, and is of a type the
/// directive allows (<see cref="IncludeDirective.AllowedTypes"/>, the token's scopes). <c>:iterate</c>
/// runs one more round over what the first round added; nothing goes deeper, which also
/// makes cyclic references harmless.
/// </summary>
internal sealed class IncludeLoader(DbConnection connection)
{
    // Bounds what one page can pull in, whatever the include list asks for.
    private const int MaxIncluded = 1000;

    public async Task<IReadOnlyList<StoredResource>> LoadAsync(SearchQuery query, IReadOnlyList<StoredResource> matches, AccessScope scope, CancellationToken cancellationToken)
    {
        if (query.Includes.Count == 0 || matches.Count == 0)
        {
            return [];
        }

        var seen = matches.Select(m => (m.Type, m.Id)).ToHashSet();
        var included = new List<StoredResource>();
        var round = matches;
        foreach (var iterate in new[] { false, true })
        {
            var added = new List<StoredResource>();
            foreach (var directive in query.Includes.Where(d => !iterate || d.Iterate))
            {
                var sources = round.Where(r => r.Type == (directive.Reverse ? r.Type : directive.SourceType)).ToList();
                foreach (var resource in await RoundAsync(directive, sources, scope, cancellationToken))
                {
                    if (included.Count + added.Count < MaxIncluded && seen.Add((resource.Type, resource.Id)))
                    {
                        added.Add(resource);
                    }
                }
            }

            included.AddRange(added);
            round = added;
            if (round.Count == 0)
            {
                break;
            }
        }

        return included;
    }

    private async Task<List<StoredResource>> RoundAsync(IncludeDirective directive, List<StoredResource> sources, AccessScope scope, CancellationToken cancellationToken)
    {
        if (sources.Count == 0)
        {
            return [];
        }

        var p = new SqlParameters();
        // One IN list per type rather than an OR per resource: a page of 1,000 sources would
        // otherwise nest deeper than SQLite's expression limit.
        var keys = string.Join(" OR ", sources.GroupBy(s => s.Type, StringComparer.Ordinal)
            .Select(g => $"(s.type = {p.Add(g.Key)} AND s.id IN {p.AddList(g.Select(s => s.Id).Distinct(StringComparer.Ordinal))})"));
        var target = directive.TargetType is null ? string.Empty : $" AND f.rtype = {p.Add(directive.TargetType)}";
        var allowed = directive.AllowedTypes is { } types ? $" AND r.type IN {p.AddList(types)}" : string.Empty;
        var columns = "r.seq, r.type, r.id, r.version, r.last_updated, r.deleted, r.json";
        var sql = directive.Reverse
            // Resources of SourceType whose parameter points at one of the page's resources.
            ? $"SELECT DISTINCT {columns} FROM resources r JOIN idx_reference f ON f.res = r.seq "
              + $"JOIN resources s ON s.type = f.rtype AND s.id = f.rid "
              + $"WHERE r.type = {p.Add(directive.SourceType)} AND f.param = {p.Add(directive.Code)}{target} AND ({keys})"
            // Resources the page's resources point at through the parameter.
            : $"SELECT DISTINCT {columns} FROM resources s JOIN idx_reference f ON f.res = s.seq "
              + $"JOIN resources r ON r.type = f.rtype AND r.id = f.rid "
              + $"WHERE f.param = {p.Add(directive.Code)}{target} AND ({keys})";
        sql += $"{allowed} AND r.deleted = 0 AND {ScopeSql.Predicate("r", scope, p)} LIMIT {MaxIncluded}";
        var found = new List<StoredResource>();
        await using var command = connection.Command(sql, p);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.ReadResource());
        }

        return found;
    }
}
