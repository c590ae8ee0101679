using System.Globalization;

namespace PatientAccess.FhirStore.Benchmarks;

/// <summary>The benchmark's command line.</summary>
internal sealed record BenchmarkOptions(string Provider, string? Connection, string DataDirectory, int Members, long Seed, int Queries, bool SkipImport)
{
    public const string Usage = """
        usage: PatientAccess.FhirStore.Benchmarks [--provider sqlite|postgres] [--connection CS] [--data DIR]
                                                  [--members N] [--seed S] [--queries N] [--skip-import]
          --provider     sqlite (default; a file in --data) or postgres (--connection required)
          --members      synthetic members to generate and import (default 10000, about 1.1M resources)
          --queries      timed repetitions of each query, in-process and over HTTP (default 2000)
          --skip-import  measure queries against data an earlier run imported
        """;

    public static BenchmarkOptions? Parse(string[] args, TextWriter error)
    {
        string provider = "sqlite", data = Path.Combine(Path.GetTempPath(), "pa-store-bench");
        string? connection = null;
        int members = 10_000, queries = 2000;
        long seed = 1;
        var skip = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--provider": provider = Next(); break;
                    case "--connection": connection = Next(); break;
                    case "--data": data = Next(); break;
                    case "--members": members = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--seed": seed = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--queries": queries = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--skip-import": skip = true; break;
                    default: throw new FormatException($"unknown argument '{args[i]}'");
                }
            }
            catch (FormatException ex)
            {
                error.WriteLine(ex.Message);
                error.WriteLine(Usage);
                return null;
            }
        }

        if (provider is not ("sqlite" or "postgres") || (provider == "postgres" && connection is null) || members < 1 || queries < 1)
        {
            error.WriteLine("--provider must be sqlite or postgres (postgres needs --connection); --members and --queries must be positive");
            error.WriteLine(Usage);
            return null;
        }

        return new BenchmarkOptions(provider, connection, data, members, seed, queries, skip);
    }
}
