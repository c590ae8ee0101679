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

        var parsed = CliParser.Parse(args);
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
            LaunchCommandOptions launch => await LaunchCommand.RunAsync(launch, output, error, cancellationToken),
            TokenCommandOptions token => await TokenCommand.RunAsync(token, RunEnvironment.Current(args), output, error, cancellationToken),
            _ => throw new InvalidOperationException($"No command runs {parsed.Options?.GetType().Name}."),
        };
    }
}
