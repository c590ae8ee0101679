namespace PatientAccess.LoadTests.Cli;

/// <summary>The validated options of the <c>launch</c> command.</summary>
internal sealed record LaunchCommandOptions : CommandOptions
{
    public required SmartTargetOptions Target { get; init; }

    /// <summary>The sharing page's boxes to tick (sud, mental, hiv, sexual, genetic); none by default.</summary>
    public IReadOnlyList<string> CategoryBoxes { get; init; } = [];

    /// <summary>The member's browser language (<c>--language</c>): en (default) or es; the member pages and the member's e-mails speak it.</summary>
    public string Language { get; init; } = "en";
}
