using BenchmarkDotNet.Running;

namespace PatientAccess.Gateway.Benchmarks.Validation;

/// <summary>
/// Runs the token-validation benchmarks through BenchmarkDotNet's own command line, so its options
/// (<c>--job short</c>, <c>--filter</c>, <c>--exporters</c>, ...) all work.
/// </summary>
internal static class ValidationCommand
{
    public static int Run(string[] args)
    {
        // Without a filter the switcher asks on the console which benchmark to run; a script cannot answer.
        if (!args.Any(a => a is "--filter" or "-f"))
        {
            args = [.. args, "--filter", "*"];
        }

        var summaries = BenchmarkSwitcher.FromTypes([typeof(RepeatedTokenBenchmarks), typeof(FirstValidationBenchmarks)]).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
