using System.Text.RegularExpressions;

namespace PatientAccess.AuthServer.Scopes;

/// <summary>
/// Parses SMART App Launch 2.2 scopes, accepting the 1.0 syntax (<c>.read</c>, <c>.write</c>, <c>.*</c>)
/// beside v2 (<c>.rs</c>, <c>.cruds</c>, with an optional query). Unknown scopes are reported, not guessed at.
/// </summary>
internal static partial class ScopeParser
{
    /// <summary>A parsed scope: exactly one of <see cref="Plain"/> or <see cref="Resource"/> is set.</summary>
    internal sealed record Parsed(string? Plain, SmartScope? Resource);

    /// <summary>Splits on single spaces (RFC 6749 §3.3); null if any token is unknown, with its text in <paramref name="unknown"/>.</summary>
    public static IReadOnlyList<Parsed>? TryParse(string scope, out string? unknown)
    {
        ArgumentNullException.ThrowIfNull(scope);
        unknown = null;
        var result = new List<Parsed>();
        foreach (var token in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parsed = ParseOne(token);
            if (parsed is null)
            {
                unknown = token;
                return null;
            }

            result.Add(parsed);
        }

        return result;
    }

    private static Parsed? ParseOne(string token)
    {
        if (ScopeNames.Plain.Contains(token))
        {
            return new Parsed(token, null);
        }

        var match = ResourceScope().Match(token);
        if (!match.Success)
        {
            return null;
        }

        var type = match.Groups["type"].Value;
        if (type != "*" && !FhirResourceTypes.All.Contains(type))
        {
            return null;
        }

        var permission = match.Groups["perm"].Value;
        var query = match.Groups["query"].Value;
        var (letters, v1) = permission switch
        {
            "read" => ("rs", true),
            "write" => ("cud", true),
            "*" => ("cruds", true),
            _ => (permission, false),
        };
        if (v1 && query.Length > 0)
        {
            return null;
        }

        if (!v1 && !IsV2Permission(letters))
        {
            return null;
        }

        return new Parsed(null, new SmartScope(match.Groups["ctx"].Value, type, letters, query, v1));
    }

    // v2 permissions are a non-empty subsequence of "cruds", in that order (SMART 2.2 §3.3).
    private static bool IsV2Permission(string letters)
    {
        var position = 0;
        foreach (var letter in letters)
        {
            var found = "cruds".IndexOf(letter, position);
            if (found < 0)
            {
                return false;
            }

            position = found + 1;
        }

        return letters.Length > 0;
    }

    [GeneratedRegex(@"^(?<ctx>patient|user|system)/(?<type>\*|[A-Z][A-Za-z]{1,63})\.(?<perm>read|write|\*|[cruds]{1,5})(?<query>\?[A-Za-z0-9\-._~%=&:|,]{1,512})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceScope();
}
