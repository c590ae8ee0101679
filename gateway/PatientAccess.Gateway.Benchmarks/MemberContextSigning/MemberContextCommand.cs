using PatientAccess.Gateway.Benchmarks.CommandLine;
using PatientAccess.Gateway.Proxy;
using PatientAccess.MemberContext;

namespace PatientAccess.Gateway.Benchmarks.MemberContextSigning;

/// <summary>
/// Prints an <c>X-PatientAccess-Member-Context</c> value for one request, signed the way the
/// gateway signs it, so wrk can call the store (directly or through the bare proxy) with what the
/// gateway would have sent. The target is the raw request target the store verifies against:
/// path and query exactly as on the request line (wrk sends the URL's path and query unchanged).
/// </summary>
internal static class MemberContextCommand
{
    public static int Run(Arguments args)
    {
        var keyFile = args.Required("key-file");
        var patients = List(args.Required("patient"));
        var target = args.Required("target");
        var client = args.Optional("client") ?? "wrk-benchmark";
        var categories = List(args.Optional("categories") ?? string.Empty);
        var method = (args.Optional("method") ?? "GET").ToUpperInvariant();
        // Long by default: one header serves a whole wrk run, unlike the gateway's 30 s.
        var lifetime = args.Int("lifetime", 600, 1, 86_400);
        args.RejectUnknown();

        if (!target.StartsWith('/'))
        {
            throw new UsageException($"--target must be the raw request target starting with '/', e.g. /r4/Patient/ID, not '{target}'");
        }

        var unknown = categories.Where(c => !SensitiveCategories.All.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown sensitive categories: {string.Join(", ", unknown)} (known: {string.Join(", ", SensitiveCategories.All)})");
        }

        var codec = new MemberContextCodec([ReadKey(keyFile)]);
        // Every resource type, as a patient/*.read token allows: the benchmark measures the store, not scopes.
        string[] anyType = [MemberContext.MemberContext.AnyType];
        var context = new MemberContext.MemberContext(patients, categories, anyType, anyType, client, DateTimeOffset.UtcNow.AddSeconds(lifetime));
        Console.Out.WriteLine(codec.Sign(context, method, target));
        return 0;
    }

    /// <summary>run.sh's key file: base64 of 32 random bytes and a newline, decoded as the gateway decodes its configured key.</summary>
    private static byte[] ReadKey(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--key-file {path} does not exist");
        }

        return MemberContextOptions.Decode(File.ReadAllText(path))
            ?? throw new UsageException($"--key-file {path} does not hold base64 of 32 bytes or more");
    }

    private static string[] List(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
