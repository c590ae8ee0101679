namespace PatientAccess.LoadTests.Cli;

/// <summary>What the command line asks for: usage, a run, or nothing because the input was bad.</summary>
internal sealed record CliParseResult
{
    private CliParseResult(bool showHelp, HttpCommandOptions? options, string? error)
    {
        ShowHelp = showHelp;
        Options = options;
        Error = error;
    }

    public bool ShowHelp { get; }

    public HttpCommandOptions? Options { get; }

    /// <summary>One line naming the offending argument; set only for bad input.</summary>
    public string? Error { get; }

    public static CliParseResult Help() => new(true, null, null);

    public static CliParseResult Run(HttpCommandOptions options) => new(false, options, null);

    public static CliParseResult Invalid(string error) => new(false, null, error);
}
