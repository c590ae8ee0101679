using PatientAccess.LoadTests.Redaction;
using PatientAccess.LoadTests.Reports;

namespace PatientAccess.LoadTests.Cli;

/// <summary>Entry point behind Program: parse, then run or explain. Writers are passed in so tests can read them.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        // Everything printed passes the redactor, except the launch command's token response on
        // stdout: handing that token to a script is the command's whole purpose.
        using var safeOutput = new RedactingWriter(output);
        using var safeError = new RedactingWriter(error);
        var parsed = CliParser.Parse(args);
        try
        {
            return await RunAsync(args, parsed, output, safeOutput, safeError, cancellationToken);
        }
        finally
        {
            // Synchronous: a Ctrl+C has cancelled the token, and the last lines must still come out.
            safeOutput.Flush();
            safeError.Flush();
        }
    }

    private static async Task<int> RunAsync(
        IReadOnlyList<string> args, CliParseResult parsed, TextWriter rawOutput, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (parsed.ShowHelp)
        {
            await output.WriteLineAsync(Usage.Text);
            return ExitCodes.Ok;
        }

        if (parsed.Error is { } message)
        {
            await error.WriteLineAsync($"error: {message} (see --help)");
            return ExitCodes.BadInput;
        }

        return parsed.Options switch
        {
            HttpCommandOptions http => await HttpCommand.RunAsync(http, RunEnvironment.Current(args), output, error, cancellationToken),
            LaunchCommandOptions launch => await LaunchCommand.RunAsync(launch, rawOutput, error, cancellationToken),
            TokenCommandOptions token => await TokenCommand.RunAsync(token, RunEnvironment.Current(args), output, error, cancellationToken),
            _ => throw new InvalidOperationException($"No command runs {parsed.Options?.GetType().Name}."),
        };
    }
}
