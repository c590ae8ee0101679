namespace PatientAccess.Gateway.Scopes;

/// <summary>
/// The resource scopes of a token in SMART v1 (<c>patient/Observation.read</c>, <c>user/*.*</c>)
/// and v2 (<c>patient/Observation.rs</c>) syntax. Only reading counts here: the gateway is
/// read-only, so <c>write</c> and <c>cud</c> permissions grant nothing. v2 scopes narrowed by
/// a query (<c>patient/Observation.rs?category=laboratory</c>) are not honoured rather than
/// widened to the whole type; apps asking for them get 403 until the gateway enforces them.
/// </summary>
public sealed class ScopeSet
{
    private readonly List<ScopeGrant> _grants = [];
    private IReadOnlyList<string>? _readTypes;
    private IReadOnlyList<string>? _searchTypes;

    private ScopeSet()
    {
    }

    public IReadOnlyList<ScopeGrant> Grants => _grants;

    /// <summary>
    /// Types the token may read by id, for the member context: <c>*</c> alone when a wildcard grant
    /// reads, else each named type once. Computed once per token (the token caches its set).
    /// </summary>
    public IReadOnlyList<string> ReadTypes => _readTypes ??= Types(read: true);

    /// <summary>
    /// Types the token may receive in a search Bundle (matches and includes alike: see the store's
    /// <c>IncludeScoping</c> for why an include needs <c>s</c>); <c>*</c> alone for a wildcard.
    /// </summary>
    public IReadOnlyList<string> SearchTypes => _searchTypes ??= Types(read: false);

    private string[] Types(bool read)
    {
        var types = new List<string>();
        foreach (var grant in _grants)
        {
            if (!(read ? grant.Read : grant.Search))
            {
                continue;
            }

            if (grant.ResourceType == "*")
            {
                return ["*"];
            }

            if (!types.Contains(grant.ResourceType))
            {
                types.Add(grant.ResourceType);
            }
        }

        return [.. types];
    }

    public static ScopeSet Parse(IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var set = new ScopeSet();
        foreach (var scope in scopes)
        {
            if (TryParse(scope) is { } grant)
            {
                set._grants.Add(grant);
            }
        }

        return set;
    }

    internal static ScopeGrant? TryParse(string scope)
    {
        var slash = scope.IndexOf('/', StringComparison.Ordinal);
        var dot = scope.LastIndexOf('.');
        if (slash <= 0 || dot <= slash + 1 || scope.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var context = scope[..slash];
        if (context is not ("patient" or "user"))
        {
            return null;
        }

        var type = scope[(slash + 1)..dot];
        if (type != "*" && !Pipeline.FhirTarget.IsType(type))
        {
            return null;
        }

        var permissions = scope[(dot + 1)..];
        return permissions switch
        {
            "read" or "*" => new ScopeGrant(context, type, true, true),
            "write" => null,
            _ when IsV2(permissions) => permissions.Contains('r', StringComparison.Ordinal) || permissions.Contains('s', StringComparison.Ordinal)
                ? new ScopeGrant(context, type, permissions.Contains('r', StringComparison.Ordinal), permissions.Contains('s', StringComparison.Ordinal))
                : null,
            _ => null,
        };
    }

    /// <summary>v2 permissions: a non-empty subsequence of <c>cruds</c>, in that order.</summary>
    private static bool IsV2(string permissions)
    {
        const string order = "cruds";
        var position = 0;
        foreach (var letter in permissions)
        {
            var index = order.IndexOf(letter, position);
            if (index < 0)
            {
                return false;
            }

            position = index + 1;
        }

        return permissions.Length > 0;
    }

    /// <summary>True when a grant allows <paramref name="search"/> or read on <paramref name="resourceType"/>.</summary>
    public bool Allows(string resourceType, bool search)
    {
        // A loop rather than LINQ: this runs on every request.
        foreach (var grant in _grants)
        {
            if ((grant.ResourceType == "*" || grant.ResourceType == resourceType) && (search ? grant.Search : grant.Read))
            {
                return true;
            }
        }

        return false;
    }
}
