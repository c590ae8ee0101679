namespace PatientAccess.AuthServer.Scopes;

/// <summary>
/// Decides what may be granted: read and search only, standalone patient or user context
/// (never system, which needs client credentials this server does not offer), and nothing
/// the client is not registered for. The result may be narrower than the request; RFC 6749
/// §3.3 then requires the response to carry the granted scope, which the token endpoint does.
/// </summary>
internal static class ScopePolicy
{
    /// <summary>The grantable scope string, or an error when the request holds unknown scopes.</summary>
    public static (string? Granted, string? Error) Narrow(string requested, IReadOnlyCollection<string> clientAllowance)
    {
        ArgumentNullException.ThrowIfNull(clientAllowance);
        var parsed = ScopeParser.TryParse(requested, out var unknown);
        if (parsed is null)
        {
            return (null, $"unknown scope: {Sanitize(unknown!)}");
        }

        var allowance = ScopeParser.TryParse(string.Join(' ', clientAllowance), out _) ?? [];
        var allowedPlain = allowance.Where(a => a.Plain is not null).Select(a => a.Plain!).ToHashSet(StringComparer.Ordinal);
        var allowedResources = allowance.Where(a => a.Resource is not null).Select(a => a.Resource!.ReadOnly()).ToList();

        var granted = new List<string>();
        foreach (var scope in parsed)
        {
            string? text = null;
            if (scope.Plain is { } plain)
            {
                text = allowedPlain.Contains(plain) ? plain : null;
            }
            else if (scope.Resource is { } resource && resource.Context != "system")
            {
                var readOnly = resource.ReadOnly();
                if (!readOnly.IsEmpty && allowedResources.Any(readOnly.IsCoveredBy))
                {
                    text = readOnly.ToString();
                }
            }

            if (text is not null && !granted.Contains(text, StringComparer.Ordinal))
            {
                granted.Add(text);
            }
        }

        return (string.Join(' ', granted), null);
    }

    /// <summary>Whether every scope in <paramref name="subset"/> also appears in <paramref name="superset"/>.</summary>
    public static bool IsSubset(string subset, string superset)
    {
        var have = Split(superset).ToHashSet(StringComparer.Ordinal);
        return Split(subset).All(have.Contains);
    }

    public static bool Contains(string scope, string name) => Split(scope).Contains(name, StringComparer.Ordinal);

    public static IEnumerable<string> Split(string scope) => scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // The offending scope goes back in error_description, which RFC 6749 limits to printable ASCII.
    internal static string Sanitize(string value) =>
        new([.. value.Take(80).Select(c => c is >= ' ' and <= '~' && c != '"' && c != '\\' ? c : '?')]);
}
