using System.Globalization;
using PatientAccess.Fhir.Search;

namespace PatientAccess.FhirStore.Search;

/// <summary>
/// Reads a FHIR search (query string or form body) against the official search
/// parameters of the resource type. Unknown parameters are ignored and reported under
/// lenient handling (the default) and refused under <c>Prefer: handling=strict</c>;
/// a malformed value of a known parameter is always refused.
/// </summary>
public sealed class SearchParser(SearchParameterRegistry registry, SearchLimits limits)
{
    public const string CursorParameter = "_cursor";

    /// <summary>Longest parameter name: the longest official one is under 40 characters.</summary>
    public const int MaxNameLength = 200;

    private static readonly HashSet<string> Ignorable = new(StringComparer.Ordinal) { "_format", "_pretty" };

    public SearchParseResult Parse(string resourceType, IEnumerable<KeyValuePair<string, string>> parameters, bool strict)
    {
        var state = new ParseState(resourceType, strict);
        var list = parameters.ToList();
        if (list.Count > limits.MaxParameters)
        {
            return new SearchParseResult(null, [$"a search may have at most {limits.MaxParameters} parameters"], []);
        }

        foreach (var (name, value) in list)
        {
            // Control characters have no place in a search and some databases refuse them (NUL).
            if (name.Any(char.IsControl) || value.Any(char.IsControl))
            {
                state.Errors.Add($"{Shorten(new string(name.Where(c => !char.IsControl(c)).ToArray()))}: control characters are not allowed in a search");
                continue;
            }

            if (name.Length > MaxNameLength)
            {
                state.Errors.Add($"{Shorten(name)}: a parameter name may have at most {MaxNameLength} characters");
                continue;
            }

            // A cursor is bounded by its own decoder (it carries data-sized sort values).
            if (value.Length > limits.MaxValueLength && name != CursorParameter)
            {
                state.Errors.Add($"{name}: a value may have at most {limits.MaxValueLength} characters (this one has {value.Length})");
                continue;
            }

            ParseOne(state, name, value);
        }

        if (state.Cursor is { } given && given.ProblemWith(state.Sort) is { } problem)
        {
            state.Errors.Add($"{CursorParameter}: {problem}");
        }

        if (state.Errors.Count > 0)
        {
            return new SearchParseResult(null, state.Errors, state.Ignored);
        }

        var query = new SearchQuery(resourceType, state.Clauses, state.Sort, state.Count ?? limits.DefaultCount, state.Cursor,
            state.Includes, state.CountOnly, state.WithTotal, state.Elements);
        return new SearchParseResult(query, [], state.Ignored);
    }

    private void ParseOne(ParseState state, string name, string value)
    {
        switch (name)
        {
            case "_count":
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    state.Count = Math.Min(count, limits.MaxCount);
                }
                else if (value.Length > 0 && value.All(char.IsAsciiDigit))
                {
                    // Larger than an int (even absurdly so) is served at the cap, as the spec allows.
                    state.Count = limits.MaxCount;
                }
                else
                {
                    state.Errors.Add($"_count: '{value}' is not a whole number");
                }

                return;
            case CursorParameter:
                if (!PageCursor.TryDecode(value, out var cursor))
                {
                    state.Errors.Add($"{CursorParameter}: not a page cursor issued by this server");
                    return;
                }

                state.Cursor = cursor;
                return;
            case "_sort":
                ParseSort(state, value);
                return;
            case "_summary":
                if (value == "count")
                {
                    state.CountOnly = true;
                }
                else if (value != "false")
                {
                    Unsupported(state, $"_summary={value}");
                }

                return;
            case "_total":
                state.WithTotal = value == "accurate" || value == "estimate";
                if (value is not ("none" or "accurate" or "estimate"))
                {
                    state.Errors.Add($"_total: '{value}' is not none, estimate or accurate");
                }

                return;
            case "_elements":
                state.Elements.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                return;
        }

        if (name is "_include" or "_revinclude" or "_include:iterate" or "_revinclude:iterate")
        {
            ParseInclude(state, name, value);
            return;
        }

        if (Ignorable.Contains(name))
        {
            return;
        }

        ParseParameter(state, name, value);
    }

    private void ParseParameter(ParseState state, string name, string value)
    {
        // code[:modifier][.chained[:modifier]]: a type modifier sits between code and chain.
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var chain = dot < 0 ? null : name[(dot + 1)..];
        var (code, modifier) = SplitModifier(dot < 0 ? name : name[..dot]);
        if (!TryDefinition(state.ResourceType, code, out var definition))
        {
            Unsupported(state, name);
            return;
        }

        var values = SearchValueSplitter.Split(value, ',');
        if (values.Count > limits.MaxValuesPerParameter)
        {
            state.Errors.Add($"{name}: at most {limits.MaxValuesPerParameter} values are allowed");
            return;
        }

        if (modifier == "missing")
        {
            if (value is not ("true" or "false"))
            {
                state.Errors.Add($"{name}: :missing takes true or false");
                return;
            }

            state.Clauses.Add(new SearchClause(code, definition.Type, [new MissingCondition(value == "true")]));
            return;
        }

        if (!ModifierAllowed(definition.Type, modifier))
        {
            state.Errors.Add($"{name}: the modifier ':{modifier}' is not supported for a {definition.Type.ToString().ToLowerInvariant()} parameter");
            return;
        }

        var conditions = new List<SearchCondition>();
        foreach (var raw in values)
        {
            var condition = chain is null
                ? SearchValueParser.Parse(definition.Type, modifier, raw, definition.Targets, out var error)
                : Chain(state.ResourceType, definition, modifier, chain, raw, out error);
            if (condition is null)
            {
                state.Errors.Add($"{name}: {error}");
                return;
            }

            conditions.Add(condition);
        }

        state.Clauses.Add(new SearchClause(code, definition.Type, conditions, Negated: modifier == "not"));
    }

    private ChainCondition? Chain(string resourceType, SearchParameterDefinition reference, string? typeModifier, string innerName, string raw, out string? error)
    {
        error = null;
        if (reference.Type != SearchParamType.Reference)
        {
            error = $"only reference parameters can be chained, and '{reference.Code}' is a {reference.Type.ToString().ToLowerInvariant()}";
            return null;
        }

        if (innerName.Contains('.', StringComparison.Ordinal))
        {
            error = "chains of more than one level are not supported";
            return null;
        }

        var targets = typeModifier is not null ? [typeModifier] : reference.Targets.Where(registry.ResourceTypes.Contains).ToList();
        var (innerCode, innerModifier) = SplitModifier(innerName);
        foreach (var target in targets)
        {
            if (registry.TryGet(target, innerCode, out var inner))
            {
                var condition = SearchValueParser.Parse(inner.Type, innerModifier, raw, inner.Targets, out error);
                return condition is null ? null : new ChainCondition(target, innerCode, inner.Type, condition);
            }
        }

        error = $"'{innerCode}' is not a search parameter of {string.Join(" or ", targets)} (chained from {resourceType}.{reference.Code})";
        return null;
    }

    private void ParseSort(ParseState state, string value)
    {
        var keys = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (state.Sort.Count + keys.Length > limits.MaxSortKeys)
        {
            state.Errors.Add($"_sort: at most {limits.MaxSortKeys} sort keys are allowed");
            return;
        }

        foreach (var key in keys)
        {
            var descending = key.StartsWith('-');
            var code = descending ? key[1..] : key;
            if (!TryDefinition(state.ResourceType, code, out var definition)
                || definition.Type is SearchParamType.Composite or SearchParamType.Special or SearchParamType.Reference)
            {
                state.Errors.Add($"_sort: '{code}' is not a sortable search parameter of {state.ResourceType}");
                return;
            }

            state.Sort.Add(new SortKey(code, definition.Type, descending));
        }
    }

    private void ParseInclude(ParseState state, string name, string value)
    {
        var reverse = name.StartsWith("_revinclude", StringComparison.Ordinal);
        var parts = value.Split(':');
        if (parts.Length is < 2 or > 3)
        {
            state.Errors.Add($"{name}: '{value}' is not Source:parameter[:Target]");
            return;
        }

        if (!registry.TryGet(parts[0], parts[1], out var definition) || definition.Type != SearchParamType.Reference)
        {
            state.Errors.Add($"{name}: '{parts[1]}' is not a reference parameter of {parts[0]}");
            return;
        }

        if (!reverse && parts[0] != state.ResourceType && !name.EndsWith(":iterate", StringComparison.Ordinal))
        {
            state.Errors.Add($"{name}: the source type must be {state.ResourceType} (or use :iterate)");
            return;
        }

        state.Includes.Add(new IncludeDirective(reverse, parts[0], parts[1], parts.Length == 3 ? parts[2] : null,
            name.EndsWith(":iterate", StringComparison.Ordinal)));
    }

    private bool TryDefinition(string resourceType, string code, out SearchParameterDefinition definition)
    {
        if (registry.TryGet(resourceType, code, out var found) && found.Type is not (SearchParamType.Composite or SearchParamType.Special))
        {
            definition = found;
            return true;
        }

        definition = null!;
        return false;
    }

    private static bool ModifierAllowed(SearchParamType type, string? modifier) => modifier switch
    {
        null => true,
        "not" => type == SearchParamType.Token,
        "text" => type == SearchParamType.Token,
        "exact" or "contains" => type == SearchParamType.String,
        "below" => type == SearchParamType.Uri,
        _ => type == SearchParamType.Reference && char.IsAsciiLetterUpper(modifier[0]) && modifier.All(char.IsAsciiLetterOrDigit),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";

    private static (string Code, string? Modifier) SplitModifier(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (name, null) : (name[..colon], name[(colon + 1)..]);
    }

    private static void Unsupported(ParseState state, string name)
    {
        if (state.Strict)
        {
            state.Errors.Add($"{name}: not a supported search parameter of {state.ResourceType}");
        }
        else
        {
            state.Ignored.Add(name);
        }
    }
}
