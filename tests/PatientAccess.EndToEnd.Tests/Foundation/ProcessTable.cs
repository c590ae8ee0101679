using System.Globalization;

namespace PatientAccess.EndToEnd.Tests.Foundation;

/// <summary>Reads /proc to find the processes of a session: what "no process left behind" means on Linux.</summary>
internal static class ProcessTable
{
    public static int? SessionOf(int pid)
    {
        var fields = StatFields(pid);
        return fields is null ? null : int.Parse(fields[3], CultureInfo.InvariantCulture);
    }

    public static IReadOnlyList<int> InSession(int sessionId) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? pid : -1)
            .Where(pid => pid > 0 && SessionOf(pid) == sessionId)
            .ToList();

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }

    // /proc/PID/stat is "pid (comm) state ppid pgrp session ..."; comm may hold spaces
    // and parentheses, so the fields are read after its last ')'.
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
