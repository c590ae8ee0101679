namespace PatientAccess.LoadTests.Cli;

/// <summary>What the command line asks for: usage, a command to run, or nothing because the input was bad.</summary>
internal sealed record CliParseResult
{
    private CliParseResult(bool showHelp, CommandOptions? options, string? error)
    {
        ShowHelp = showHelp;
        Options = options;
        Error = error;
    }

    public bool ShowHelp { get; }

    /// <summary>The validated options of the command asked for, one record type per command.</summary>
    public CommandOptions? Options { get; }

    /// <summary>One line naming the offending argument; set only for bad input.</summary>
    public string? Error { get; }

    public static CliParseResult Help() => new(true, null, null);

    public static CliParseResult Run(CommandOptions options) => new(false, options, null);

    public static CliParseResult Invalid(string error) => new(false, null, error);
}
