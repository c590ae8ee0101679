using System.Text.Json;

namespace PatientAccess.FhirStore.Seed.Tests.Unit;

public sealed class NdjsonExporterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "seed-ndjson-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void WriteFiles_Resources_WritesOneFilePerTypeWithOneResourcePerLine()
    {
        var resources = SyntheticDataGenerator.Generate(15, 9).ToArray();

        var counts = NdjsonExporter.WriteFiles(resources, directory);

        var expected = resources.GroupBy(r => r.ResourceType).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), counts.OrderBy(e => e.Key, StringComparer.Ordinal));
        foreach (var (type, count) in counts)
        {
            var lines = File.ReadAllLines(Path.Combine(directory, type + ".ndjson"));
            Assert.Equal(count, lines.Length);
            Assert.All(lines, line =>
            {
                using var document = JsonDocument.Parse(line);
                Assert.Equal(type, document.RootElement.GetProperty("resourceType").GetString());
            });
        }
    }

    [Fact]
    public void WriteFiles_SameOptionsTwice_WritesIdenticalFiles()
    {
        var options = new SyntheticDataOptions { Members = 10, Seed = 4 };
        var second = directory + "-2";
        try
        {
            NdjsonExporter.WriteFiles(options, directory);
            NdjsonExporter.WriteFiles(options, second);

            foreach (var file in Directory.GetFiles(directory))
            {
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(second, Path.GetFileName(file))));
            }
        }
        finally
        {
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public void WriteFiles_Line_IsTheResourcesUtf8Bytes()
    {
        var resources = SyntheticDataGenerator.Generate(0, 2).Where(r => r.ResourceType == "Patient").ToArray();

        NdjsonExporter.WriteFiles(resources, directory);

        var expected = resources.SelectMany(r => r.ToUtf8Bytes().Append((byte)'\n')).ToArray();
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(directory, "Patient.ndjson")));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
