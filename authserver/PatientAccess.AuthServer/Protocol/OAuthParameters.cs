using Microsoft.Extensions.Primitives;

namespace PatientAccess.AuthServer.Protocol;

/// <summary>
/// Request parameters read once and checked against RFC 6749 §3.1 and §3.2 ("parameters
/// MUST NOT be included more than once") and <see cref="ProtocolLimits"/>. Problems are
/// recorded per parameter, so the authorize endpoint can decide whether it may redirect.
/// </summary>
internal sealed class OAuthParameters
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);

    private OAuthParameters()
    {
    }

    /// <summary>A problem not tied to one parameter (too many parameters), if any.</summary>
    public string? GeneralProblem { get; private set; }

    public static OAuthParameters From(IEnumerable<KeyValuePair<string, StringValues>> source)
    {
        var result = new OAuthParameters();
        var count = 0;
        foreach (var (name, values) in source)
        {
            count++;
            if (values.Count > 1)
            {
                result._problems[name] = $"parameter '{Printable(name)}' is repeated";
                continue;
            }

            var value = values.Count == 1 ? values[0] ?? string.Empty : string.Empty;
            if (value.Length > ProtocolLimits.MaxParameterLength || name.Length > 64)
            {
                result._problems[name] = $"parameter '{Printable(name)}' is too long";
                continue;
            }

            if (value.Any(char.IsControl))
            {
                // Control characters have no place in any OAuth parameter, and a NUL would
                // reach PostgreSQL as an encoding error instead of a clean refusal.
                result._problems[name] = $"parameter '{Printable(name)}' contains control characters";
                continue;
            }

            result._values[name] = value;
        }

        if (count > ProtocolLimits.MaxParameterCount)
        {
            result.GeneralProblem = "too many parameters";
        }

        return result;
    }

    /// <summary>The value, or null when absent, empty, or refused (see <see cref="ProblemWith"/>).</summary>
    public string? this[string name] => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>Whether the parameter was sent at all, even empty.</summary>
    public bool Has(string name) => _values.ContainsKey(name) || _problems.ContainsKey(name);

    public string? ProblemWith(string name) => _problems.GetValueOrDefault(name);

    /// <summary>The first problem with any parameter except the ones named, for a single error answer.</summary>
    public string? FirstProblem(params string[] except) =>
        GeneralProblem ?? _problems.Where(p => !except.Contains(p.Key, StringComparer.Ordinal)).Select(p => p.Value).FirstOrDefault();

    // Parameter names come from the caller: keep error text ASCII-printable and short.
    private static string Printable(string name)
    {
        var clean = new string([.. name.Take(40).Select(c => c is >= ' ' and <= '~' && c != '\'' && c != '"' && c != '\\' ? c : '?')]);
        return clean;
    }
}
