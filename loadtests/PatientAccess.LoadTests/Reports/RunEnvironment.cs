using System.Runtime.InteropServices;
using PatientAccess.LoadTests.Redaction;

namespace PatientAccess.LoadTests.Reports;

/// <summary>Where and how a run was made, so two reports can be compared fairly.</summary>
internal sealed record RunEnvironment(
    string CommandLine,
    string MachineName,
    int ProcessorCount,
    string OperatingSystem,
    string Runtime)
{
    public static RunEnvironment Current(IReadOnlyList<string> args) =>
        new(
            CommandLineText(args),
            Environment.MachineName,
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription);

    /// <summary>
    /// The arguments as a shell would need them to repeat the run, credentials replaced by
    /// <c>[redacted]</c>: a report must never carry the token the run was made with.
    /// </summary>
    public static string CommandLineText(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return string.Join(' ', SecretRedactor.RedactArguments(args).Select(Quote).Prepend("PatientAccess.LoadTests"));
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@%+,".Contains(c, StringComparison.Ordinal))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
