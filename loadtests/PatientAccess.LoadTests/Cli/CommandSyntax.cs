namespace PatientAccess.LoadTests.Cli;

/// <summary>Which options a command accepts: flags, options taking a value, and which of those may repeat.</summary>
internal sealed class CommandSyntax
{
    public CommandSyntax(IEnumerable<string> flags, IEnumerable<string> valueOptions, IEnumerable<string>? repeatable = null)
    {
        // --help is handled before any command parses; accepting it here keeps "cmd --help" from looking unknown.
        Flags = new HashSet<string>(flags.Append("--help"), StringComparer.Ordinal);
        ValueOptions = new HashSet<string>(valueOptions, StringComparer.Ordinal);
        Repeatable = new HashSet<string>(repeatable ?? [], StringComparer.Ordinal);
    }

    public IReadOnlySet<string> Flags { get; }

    public IReadOnlySet<string> ValueOptions { get; }

    public IReadOnlySet<string> Repeatable { get; }
}
