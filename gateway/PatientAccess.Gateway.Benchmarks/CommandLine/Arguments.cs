using System.Globalization;

namespace PatientAccess.Gateway.Benchmarks.CommandLine;

/// <summary>
/// <c>--name value</c> pairs. Deliberately small: these commands are driven by a script, and an
/// unknown or repeated option is an error rather than something silently ignored.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private Arguments(Dictionary<string, string> values) => _values = values;

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
            {
                throw new UsageException($"expected an option (--name value), got '{args[i]}'");
            }

            if (i + 1 >= args.Count)
            {
                throw new UsageException($"{args[i]} needs a value");
            }

            if (!values.TryAdd(args[i][2..], args[i + 1]))
            {
                throw new UsageException($"{args[i]} is given twice");
            }
        }

        return new Arguments(values);
    }

    public string Required(string name) =>
        Optional(name) ?? throw new UsageException($"--{name} is required");

    public string? Optional(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
    }

    public int Int(string name, int? fallback, int min, int max)
    {
        var text = fallback is { } value ? Optional(name) ?? value.ToString(CultureInfo.InvariantCulture) : Required(name);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'");
    }

    /// <summary>Call once every option was read: anything left over is a typo worth stopping for.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}");
        }
    }
}
