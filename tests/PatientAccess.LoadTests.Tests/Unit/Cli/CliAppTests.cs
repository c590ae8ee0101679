using PatientAccess.LoadTests.Cli;

namespace PatientAccess.LoadTests.Tests.Unit.Cli;

public class CliAppTests
{
    [Fact]
    public async Task RunAsync_BadInput_ExitCode2AndOneLineOnStandardError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(["http", "--url", "http://127.0.0.1:5000/", "--rate", "fast", "--duration", "1s"], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal("error: --rate: 'fast' is not a number (see --help)" + Environment.NewLine, error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageAndExitsZero()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(["--help"], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("--allow-remote", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--max-in-flight", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(error.ToString());
    }
}
