using BenchmarkDotNet.Running;

namespace PatientAccess.Gateway.Benchmarks.Geo;

/// <summary>
/// Runs the country-lookup benchmarks through BenchmarkDotNet's command line. The database is
/// the default one (fetched by gateway/PatientAccess.Geo/Data/fetch-default-db.sh), or the file
/// named by PA_GEO_BENCH_DB; its full path is passed to BenchmarkDotNet's child processes,
/// which run from another folder, through that variable.
/// </summary>
internal static class GeoCommand
{
    public const string DatabaseVariable = "PA_GEO_BENCH_DB";

    public static int Run(string[] args)
    {
        Environment.SetEnvironmentVariable(DatabaseVariable, Path.GetFullPath(DatabasePath()));
        if (!args.Any(a => a is "--filter" or "-f"))
        {
            args = [.. args, "--filter", "*"];
        }

        var summaries = BenchmarkSwitcher.FromTypes([typeof(CountryLookupBenchmarks)]).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    public static string DatabasePath() =>
        Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine("gateway", "PatientAccess.Geo", "Data", "geo-whois-asn-country.mmdb");
}
