using System.Text.Json;

namespace PatientAccess.FhirStore.Seed;

/// <summary>Writes generated resources as bulk-data NDJSON: one <c>{ResourceType}.ndjson</c> file per type, one resource per line.</summary>
public static class NdjsonExporter
{
    /// <summary>
    /// Streams the resources into <paramref name="directory"/> (created if missing; existing files
    /// of the same names are replaced) and returns how many resources of each type were written.
    /// </summary>
    public static IReadOnlyDictionary<string, long> WriteFiles(IEnumerable<GeneratedResource> resources, string directory)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var files = new Dictionary<string, (FileStream Stream, Utf8JsonWriter Writer)>(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        try
        {
            foreach (var resource in resources)
            {
                if (!files.TryGetValue(resource.ResourceType, out var file))
                {
                    var stream = new FileStream(
                        Path.Combine(directory, resource.ResourceType + ".ndjson"), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
                    file = (stream, new Utf8JsonWriter(stream, GeneratedResource.WriterOptions));
                    files.Add(resource.ResourceType, file);
                    counts[resource.ResourceType] = 0;
                }

                resource.WriteTo(file.Writer);
                file.Writer.Flush();
                file.Writer.Reset();
                file.Stream.WriteByte((byte)'\n');
                counts[resource.ResourceType]++;
            }
        }
        finally
        {
            foreach (var (stream, writer) in files.Values)
            {
                writer.Dispose();
                stream.Dispose();
            }
        }

        return counts;
    }

    /// <summary>Generates with <paramref name="options"/> and writes the NDJSON files.</summary>
    public static IReadOnlyDictionary<string, long> WriteFiles(SyntheticDataOptions options, string directory) =>
        WriteFiles(new SyntheticDataGenerator(options).Generate(), directory);
}
