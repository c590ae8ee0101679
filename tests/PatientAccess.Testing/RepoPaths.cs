namespace PatientAccess.Testing;

/// <summary>Finds the checkout and the built services from wherever a test runs.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PatientAccess.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"PatientAccess.sln not found above {AppContext.BaseDirectory}");
    });

    public static string Root => LazyRoot.Value;

    /// <summary>Debug or Release: the same configuration the tests were built with.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    /// <summary>The output folder of a service project, for example ("gateway", "PatientAccess.Gateway").</summary>
    public static string ServiceOutput(string folder, string project) =>
        Path.Combine(Root, folder, project, "bin", Configuration, "net10.0");
}
