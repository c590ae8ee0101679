using PatientAccess.Gateway.Benchmarks.BareProxy;
using PatientAccess.Gateway.Benchmarks.CommandLine;
using PatientAccess.Gateway.Benchmarks.Geo;
using PatientAccess.Gateway.Benchmarks.MemberContextSigning;
using PatientAccess.Gateway.Benchmarks.RedisCalls;
using PatientAccess.Gateway.Benchmarks.Validation;

namespace PatientAccess.Gateway.Benchmarks;

/// <summary>
/// One executable, several measurements (README.md). A named class rather than top-level
/// statements: the referenced gateway already has a global <c>Program</c>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["validation", .. var rest] => ValidationCommand.Run(rest),
                ["geo", .. var rest] => GeoCommand.Run(rest),
                ["bare-proxy", .. var rest] => await BareProxyCommand.RunAsync(Arguments.Parse(rest)),
                ["member-context", .. var rest] => MemberContextCommand.Run(Arguments.Parse(rest)),
                ["redis-calls", .. var rest] => await RedisCallsCommand.RunAsync(Arguments.Parse(rest)),
                _ => Usage(),
            };
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"{args.FirstOrDefault()}: {ex.Message}");
            return Usage();
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage:
              validation [BenchmarkDotNet arguments, e.g. --job short --filter *Repeated*]
              geo [BenchmarkDotNet arguments]   (country lookups on the default database)
              bare-proxy --port P --upstream http://127.0.0.1:5100
              member-context --key-file F --patient ID[,ID] --target /r4/Patient/ID
                             [--client ID] [--categories MH,...] [--method GET] [--lifetime 600]
              redis-calls --redis 127.0.0.1:6379 [--seconds 3] [--concurrency 32] [--tokens 1] [--rounds 3]
            see gateway/PatientAccess.Gateway.Benchmarks/README.md
            """);
        return 2;
    }
}
