namespace PatientAccess.LoadTests.Cli;

/// <summary>
/// A command's arguments split into options by hand (System.CommandLine is not in our package
/// registry). Options take their value as the next argument or after '='.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _values;

    private CliArguments(Dictionary<string, List<string>> values) => _values = values;

    /// <summary>Splits <paramref name="args"/> (without the command name); throws <see cref="CliUsageException"/> naming the argument.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args, CommandSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(syntax);
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliUsageException($"unexpected argument '{arg}'; options start with --");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            string value;
            if (syntax.Flags.Contains(name))
            {
                if (equals >= 0)
                {
                    throw new CliUsageException($"{name}: takes no value");
                }

                value = string.Empty;
            }
            else if (syntax.ValueOptions.Contains(name))
            {
                if (equals >= 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = args[++i];
                }
                else
                {
                    throw new CliUsageException($"{name}: missing value");
                }
            }
            else
            {
                throw new CliUsageException($"unknown argument '{name}'");
            }

            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }
            else if (!syntax.Repeatable.Contains(name))
            {
                throw new CliUsageException($"{name}: given more than once");
            }

            list.Add(value);
        }

        return new CliArguments(values);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The option's value, or null when it was not given.</summary>
    public string? Single(string name) => _values.TryGetValue(name, out var list) ? list[0] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public string Required(string name, string hint) => Single(name) ?? throw new CliUsageException($"{name}: required; {hint}");
}
