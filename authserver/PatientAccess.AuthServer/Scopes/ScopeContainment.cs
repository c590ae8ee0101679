namespace PatientAccess.AuthServer.Scopes;

/// <summary>
/// Whether a requested scope asks for nothing beyond a granted one, judged by meaning rather
/// than by text (RFC 6749 §6: a refresh may ask for less). The rules, in SMART 2.2 terms:
/// <list type="bullet">
/// <item>v1 <c>.read</c> is v2 <c>.rs</c>, v1 <c>.*</c> is <c>.cruds</c>: the parser normalises both to v2 letters.</item>
/// <item>Each permission letter is judged on its own, so <c>.r</c> is within <c>.rs</c>, and <c>.rs</c> is within <c>.r</c> plus <c>.s</c>.</item>
/// <item><c>Type</c> is within <c>*</c> of the same context; <c>patient/</c>, <c>user/</c> and <c>system/</c> never stand in for one another
/// (<c>patient/</c> is the launched patient, <c>user/</c> everything the member may see: different data).</item>
/// <item>A scope with a query (<c>?category=laboratory</c>) is within the same scope without one, or with the identical query; never the other way round.</item>
/// <item>Context and identity scopes (<c>openid</c>, <c>fhirUser</c>, <c>profile</c>, <c>launch/patient</c>, <c>offline_access</c>,
/// <c>online_access</c>) are within only when granted themselves; dropping any of them is always allowed.</item>
/// </list>
/// </summary>
internal static class ScopeContainment
{
    /// <summary>Null when <paramref name="requested"/> is within <paramref name="granted"/>; otherwise why not (printable ASCII).</summary>
    public static string? Problem(string requested, string granted)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(granted);
        var asked = ScopeParser.TryParse(requested, out var unknown);
        if (asked is null)
        {
            return $"unknown scope: {ScopePolicy.Sanitize(unknown!)}";
        }

        if (asked.Count == 0)
        {
            return "the requested scope is empty";
        }

        var have = ScopeParser.TryParse(granted, out _) ?? [];
        var plain = have.Where(h => h.Plain is not null).Select(h => h.Plain!).ToHashSet(StringComparer.Ordinal);
        var resources = have.Where(h => h.Resource is not null).Select(h => h.Resource!).ToList();
        foreach (var scope in asked)
        {
            var within = scope.Plain is { } name
                ? plain.Contains(name)
                : scope.Resource!.Permissions.All(letter => resources.Any(r => (scope.Resource with { Permissions = letter.ToString() }).IsCoveredBy(r)));
            if (!within)
            {
                return $"the requested scope {ScopePolicy.Sanitize(scope.Plain ?? scope.Resource!.ToString())} exceeds the scope granted";
            }
        }

        return null;
    }
}
