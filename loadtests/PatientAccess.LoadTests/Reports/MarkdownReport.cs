using System.Text;

namespace PatientAccess.LoadTests.Reports;

/// <summary>The report as GitHub-flavoured Markdown, for pull requests and issues.</summary>
internal static class MarkdownReport
{
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# Load test: ").AppendLine(Escape(report.Result.ScenarioName)).AppendLine();
        foreach (var table in ReportSections.Build(report))
        {
            AppendTable(md, table);
        }

        return md.ToString();
    }

    private static void AppendTable(StringBuilder md, ReportTable table)
    {
        md.Append("## ").AppendLine(table.Title).AppendLine();
        AppendRow(md, table.Headers);
        md.Append('|').AppendJoin(string.Empty, table.Headers.Select((_, i) => IsNumeric(table, i) ? " ---: |" : " --- |")).AppendLine();
        foreach (var row in table.Rows)
        {
            AppendRow(md, row);
        }

        md.AppendLine();
        if (table.Note is { } note)
        {
            md.AppendLine(Escape(note)).AppendLine();
        }
    }

    // Numbers read best right-aligned; a column counts as numeric when every cell starts with a digit.
    private static bool IsNumeric(ReportTable table, int column) =>
        column > 0 && table.Rows.Count > 0 && table.Rows.All(r => column < r.Count && r[column].Length > 0 && char.IsAsciiDigit(r[column][0]));

    private static void AppendRow(StringBuilder md, IReadOnlyList<string> cells)
    {
        md.Append('|');
        foreach (var cell in cells)
        {
            md.Append(' ').Append(Escape(cell)).Append(" |");
        }

        md.AppendLine();
    }

    // Pipes would split a cell and line breaks would end the table; the rest of Markdown's syntax
    // is harmless in the values a report holds (URLs, numbers, a command line).
    private static string Escape(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
