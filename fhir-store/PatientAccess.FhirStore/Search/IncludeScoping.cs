using PatientAccess.Fhir.Search;
using PatientAccess.FhirStore.Storage;

namespace PatientAccess.FhirStore.Search;

/// <summary>
/// Bounds a search by the types the caller's token allows (issue 12, item 1): the matched type
/// and every chain's target must be searchable, or the search is refused (403); an include may
/// add only searchable types, and what it may not add is named in the Bundle's OperationOutcome.
/// </summary>
/// <remarks>
/// <para>Why an include needs <c>s</c> (search) and not <c>r</c> (read): every resource in a
/// searchset arrives as a search result the app did not name by id. A <c>_revinclude</c> is a
/// search by reference outright; an <c>_include</c> (and <c>:iterate</c>) discovers resources the
/// app may not hold the references of. SMART v2 gives <c>r</c> to fetch a known id and <c>s</c> to
/// find resources, so a type granted <c>r</c> alone never appears in a Bundle; v1 <c>.read</c>
/// grants both.</para>
/// <para>What is withheld is named by parameter and type only, from the scopes, never from the
/// data: a count or ids of resources the app may not see would tell it about them.</para>
/// </remarks>
public static class IncludeScoping
{
    /// <summary>The search's refusal (a chain into a type the scopes do not allow), or null.</summary>
    public static string? Refusal(SearchQuery query, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.CanSearch(query.ResourceType))
        {
            return $"the access token's scopes do not allow searching {query.ResourceType}";
        }

        foreach (var clause in query.Clauses)
        {
            foreach (var chain in clause.Conditions.OfType<ChainCondition>())
            {
                if (!scope.CanSearch(chain.TargetType))
                {
                    return $"{clause.Code}.{chain.InnerCode}: the access token's scopes do not allow searching {chain.TargetType}, which this chain searches";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The query with each include limited to the types the scopes allow (those with none left
    /// dropped), and a sentence for each include that had types withheld.
    /// </summary>
    public static (SearchQuery Query, IReadOnlyList<string> Withheld) Apply(SearchQuery query, AccessScope scope, SearchParameterRegistry registry, SupportedResourceTypes supported)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(supported);
        if (scope.IsEverything || query.Includes.Count == 0)
        {
            return (query, []);
        }

        var kept = new List<IncludeDirective>();
        var withheld = new List<string>();
        foreach (var directive in query.Includes)
        {
            // What the directive can add: the source type for a reverse include; the target (or
            // every target type of the parameter) for a forward one.
            List<string> types = directive.Reverse
                ? [directive.SourceType]
                : directive.TargetType is { } target
                    ? [target]
                    : registry.TryGet(directive.SourceType, directive.Code, out var definition)
                        ? definition.Targets.Where(supported.Contains).Distinct(StringComparer.Ordinal).ToList()
                        : [];
            var allowed = types.Where(scope.CanSearch).ToList();
            var refused = types.Where(t => !scope.CanSearch(t)).ToList();
            if (refused.Count > 0)
            {
                withheld.Add($"{directive}: the access token's scopes do not allow {string.Join(", ", refused)}; "
                    + $"{(refused.Count == 1 ? "resources of that type were" : "resources of those types were")} left out");
            }

            if (allowed.Count > 0)
            {
                kept.Add(directive with { AllowedTypes = allowed });
            }
        }

        return (query with { Includes = kept }, withheld);
    }
}
