using PatientAccess.FhirStore.Storage;

namespace PatientAccess.FhirStore.Import;

/// <summary>Where server-side import files may come from, and what type a file declares by its name.</summary>
internal static class ImportFiles
{
    /// <summary><c>Patient.ndjson</c> (or <c>Patient.anything.ndjson</c>) holds Patients only; other names declare nothing.</summary>
    public static string? DeclaredType(string path, SupportedResourceTypes types)
    {
        var name = Path.GetFileName(path).Split('.')[0];
        return types.Contains(name) ? name : null;
    }

    /// <summary>
    /// A file inside the import folder, or null: absolute paths, "..", and anything that
    /// resolves outside the folder (links included) are refused, so an operator key cannot be
    /// used to read arbitrary files through the store.
    /// </summary>
    public static string? Resolve(string folder, string relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || Path.IsPathRooted(relative) || relative.Split('/', '\\').Contains(".."))
        {
            return null;
        }

        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root, StringComparison.Ordinal) || !File.Exists(full))
        {
            return null;
        }

        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        return target.StartsWith(root, StringComparison.Ordinal) ? target : null;
    }
}
