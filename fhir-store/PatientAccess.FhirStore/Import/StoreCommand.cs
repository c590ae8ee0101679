using System.Globalization;

namespace PatientAccess.FhirStore.Import;

/// <summary>
/// The store's command line, run instead of the web server: <c>import PATH...</c> loads
/// NDJSON files (or every *.ndjson in a folder) straight into the configured database.
/// Options after <c>--</c> are configuration, as for the server (e.g. <c>--Database:Provider=...</c>).
/// </summary>
public sealed class StoreCommand
{
    public const int UsageError = 2;

    private static readonly string[] CommandOptions = ["--members", "--seed"];

    private StoreCommand(string name, IReadOnlyList<string> arguments, string[] hostArgs)
    {
        Name = name;
        Arguments = arguments;
        HostArgs = hostArgs;
    }

    public string Name { get; }

    public IReadOnlyList<string> Arguments { get; }

    public string[] HostArgs { get; }

    public static string Usage => """
        usage: PatientAccess.FhirStore                     run the FHIR store
               PatientAccess.FhirStore import PATH...      load NDJSON files or folders of *.ndjson
               PatientAccess.FhirStore seed [--members N] [--seed S]
                                                           load the deterministic synthetic plan (demo member and family included)
        configuration comes from appsettings.json, environment variables (Database__Provider=...)
        and --Section:Key=value arguments after the command's own.
        """;

    /// <summary>Null when the arguments ask for the server.</summary>
    public static StoreCommand? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        // The command's own words and options come first; the first other --option starts the
        // host's arguments (--contentRoot, --Section:Key=value), as for the server.
        var own = new List<string>();
        var i = 1;
        for (; i < args.Length; i++)
        {
            if (CommandOptions.Contains(args[i]))
            {
                own.Add(args[i]);
                if (++i < args.Length)
                {
                    own.Add(args[i]);
                }
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }
            else
            {
                own.Add(args[i]);
            }
        }

        var host = args[i..];
        return new StoreCommand(args[0], own, host);
    }

    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        switch (Name)
        {
            case "import" when Arguments.Count > 0:
                return await ImportAsync(services, output, error, cancellationToken);
            case "seed":
                return await SeedCommand.RunAsync(Arguments, services, output, error, cancellationToken);
            default:
                await error.WriteLineAsync(Name is "import" ? "import: name at least one NDJSON file or folder" : $"unknown command '{Name}'");
                await error.WriteLineAsync(Usage);
                return UsageError;
        }
    }

    private async Task<int> ImportAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var path in Arguments)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.ndjson").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                await error.WriteLineAsync($"import: '{path}' is neither a file nor a folder");
                return UsageError;
            }
        }

        await services.GetRequiredService<Storage.IResourceStore>().InitializeAsync(cancellationToken);
        var types = services.GetRequiredService<Storage.SupportedResourceTypes>();
        var streams = files.Select(f => (Path.GetFileName(f), (Stream)File.OpenRead(f), ImportFiles.DeclaredType(f, types))).ToList();
        try
        {
            var report = await services.GetRequiredService<NdjsonImporter>().ImportAsync(streams, cancellationToken);
            await output.WriteLineAsync(report.Summary);
            foreach (var problem in report.Problems)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  rejected {problem.Source}:{problem.Line}: {problem.Detail}"));
            }

            foreach (var dangling in report.DanglingReferences)
            {
                await output.WriteLineAsync($"  warning: {dangling}");
            }

            return report.Rejected == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var (_, stream, _) in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }
}
