using System.Globalization;
using System.Text;
using PatientAccess.FhirStore.Seed;

namespace PatientAccess.FhirStore.Import;

/// <summary>
/// <c>seed --members N --seed S</c>: generates the deterministic synthetic plan (always with
/// the demo member John Allen and the Rivera family) and loads it through the same checks
/// as any import.
/// </summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var members = 100;
        long seed = 1;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = i + 1 < arguments.Count ? arguments[i + 1] : null;
            switch (arguments[i])
            {
                case "--members" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m <= 1_000_000:
                    members = m;
                    i++;
                    break;
                case "--seed" when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                default:
                    await error.WriteLineAsync(arguments[i] is "--members" or "--seed"
                        ? $"seed: {arguments[i]} needs a whole number{(arguments[i] == "--members" ? " from 0 to 1000000" : string.Empty)}, got '{value}'"
                        : $"seed: unknown argument '{arguments[i]}' (usage: seed [--members N] [--seed S])");
                    return StoreCommand.UsageError;
            }
        }

        await services.GetRequiredService<Storage.IResourceStore>().InitializeAsync(cancellationToken);
        var generator = new SyntheticDataGenerator(new SyntheticDataOptions { Members = members, Seed = seed });
        var report = await services.GetRequiredService<NdjsonImporter>().ImportAsync(Lines(generator), cancellationToken);
        await output.WriteLineAsync($"seeded {members} members (seed {seed}) plus the demo member and the demo family: {report.Summary}");
        foreach (var problem in report.Problems.Take(20))
        {
            await output.WriteLineAsync($"  rejected {problem.Source}:{problem.Line}: {problem.Detail}");
        }

        return report.Rejected == 0 ? 0 : 1;
    }

    private static async IAsyncEnumerable<ImportInput> Lines(SyntheticDataGenerator generator)
    {
        var number = 0;
        foreach (var resource in generator.Generate())
        {
            yield return new ImportInput("generated", ++number, Encoding.UTF8.GetString(resource.ToUtf8Bytes()), resource.ResourceType);
        }

        await Task.CompletedTask;
    }
}
