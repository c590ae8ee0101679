namespace PatientAccess.LoadTests.Cli;

/// <summary>The validated options of one command; each command has its own record.</summary>
internal abstract record CommandOptions;
