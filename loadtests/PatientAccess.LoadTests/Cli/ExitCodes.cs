namespace PatientAccess.LoadTests.Cli;

/// <summary>Process exit codes; 2 for bad input follows the Unix convention for usage errors.</summary>
internal static class ExitCodes
{
    /// <summary>The run completed and its reports were written, whatever the system under test answered.</summary>
    public const int Ok = 0;

    /// <summary>The run could not complete (for example the report could not be written).</summary>
    public const int RunFailed = 1;

    public const int BadInput = 2;
}
