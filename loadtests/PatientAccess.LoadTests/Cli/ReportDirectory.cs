namespace PatientAccess.LoadTests.Cli;

/// <summary>Checks up front that reports can be written, so a long run does not end with nowhere to put its results.</summary>
internal static class ReportDirectory
{
    public static bool TryEnsureWritable(string path, out string? problem)
    {
        try
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = ex.Message;
            return false;
        }
    }
}
