namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>Escapes LIKE wildcards so a search value matches literally (used with ESCAPE '\').</summary>
internal static class Like
{
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
