namespace PatientAccess.LoadTests.Reports;

/// <summary>A titled table in a format-neutral form; Markdown and HTML render the same tables.</summary>
internal sealed record ReportTable(
    string Title,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Note = null);
