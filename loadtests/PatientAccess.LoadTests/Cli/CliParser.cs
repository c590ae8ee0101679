namespace PatientAccess.LoadTests.Cli;

/// <summary>
/// Parses the command line: help, or one command and its options. Every problem becomes one
/// line naming the argument.
/// </summary>
internal static class CliParser
{
    public static IReadOnlyList<string> Commands { get; } = [HttpCommandParser.Name, LaunchCommandParser.Name, TokenCommandParser.Name];

    public static CliParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] == "help" || args.Any(a => a is "--help" or "-h"))
        {
            return CliParseResult.Help();
        }

        var rest = args.Skip(1).ToList();
        try
        {
            return CliParseResult.Run(args[0] switch
            {
                HttpCommandParser.Name => HttpCommandParser.Parse(rest),
                LaunchCommandParser.Name => LaunchCommandParser.Parse(rest),
                TokenCommandParser.Name => TokenCommandParser.Parse(rest),
                _ => throw new CliUsageException($"unknown command '{args[0]}'; the commands are {string.Join(", ", Commands)}"),
            });
        }
        catch (CliUsageException ex)
        {
            return CliParseResult.Invalid(ex.Message);
        }
    }
}
