using PatientAccess.Testing;

namespace PatientAccess.Geo.Tests.Support;

/// <summary>MaxMind's test databases in ../shared/testdata/maxmind (good/, bad/, source-data/).</summary>
internal static class TestData
{
    public static string Folder => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "testdata", "maxmind"));

    public static string Good(string name) => Path.Combine(Folder, "good", name);

    public static string SourceData(string name) => Path.Combine(Folder, "source-data", name);

    public static IEnumerable<string> BadFiles() =>
        Directory.GetFiles(Path.Combine(Folder, "bad"), "*.mmdb").Order(StringComparer.Ordinal);
}
