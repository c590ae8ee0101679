namespace PatientAccess.LoadTests.Cli;

/// <summary>The validated options of the <c>http</c> command.</summary>
internal sealed record HttpCommandOptions : CommandOptions
{
    public required IReadOnlyList<Uri> Urls { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public required LoadOptions Load { get; init; }

    public bool AllowRemote { get; init; }

    /// <summary>--check-fhir: 2xx answers must be valid FHIR R4 (strict), else they fail as "invalid-fhir".</summary>
    public bool CheckFhir { get; init; }
}
