using PatientAccess.Testing;

namespace PatientAccess.Geo.Tests.Support;

/// <summary>
/// MaxMind's test databases (good/, bad/, source-data/) in ../shared/testdata/maxmind beside the
/// checkout, or in the folder PATIENTACCESS_MAXMIND_TESTDATA names (a git worktree elsewhere).
/// </summary>
internal static class TestData
{
    public static string Folder =>
        Environment.GetEnvironmentVariable("PATIENTACCESS_MAXMIND_TESTDATA") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "testdata", "maxmind"));

    public static string Good(string name) => Path.Combine(Folder, "good", name);

    public static string SourceData(string name) => Path.Combine(Folder, "source-data", name);

    public static IEnumerable<string> BadFiles() =>
        Directory.GetFiles(Path.Combine(Folder, "bad"), "*.mmdb").Order(StringComparer.Ordinal);
}
