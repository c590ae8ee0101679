using PatientAccess.Testing;

namespace PatientAccess.Geo.Tests.Support;

/// <summary>
/// MaxMind's test databases (good/, bad/, source-data/), copied with their licences into
/// TestData/maxmind beside this project so a fresh clone tests without anything beside it;
/// PATIENTACCESS_MAXMIND_TESTDATA may name another copy (a newer release of MaxMind's set).
/// </summary>
internal static class TestData
{
    public static string Folder =>
        Environment.GetEnvironmentVariable("PATIENTACCESS_MAXMIND_TESTDATA") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepoPaths.Root, "tests", "PatientAccess.Geo.Tests", "TestData", "maxmind");

    public static string Good(string name) => Path.Combine(Folder, "good", name);

    public static string SourceData(string name) => Path.Combine(Folder, "source-data", name);

    public static IEnumerable<string> BadFiles() =>
        Directory.GetFiles(Path.Combine(Folder, "bad"), "*.mmdb").Order(StringComparer.Ordinal);
}
