using System.Globalization;
using PatientAccess.LoadTests.Redaction;

namespace PatientAccess.LoadTests.Reports;

/// <summary>Writes the Markdown and HTML reports side by side, named by scenario and start time so runs never overwrite each other.</summary>
internal static class ReportFiles
{
    public static (string MarkdownPath, string HtmlPath) Write(RunReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        var stamp = report.Result.StartedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var safeName = string.Concat(report.Result.ScenarioName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var baseName = Path.Combine(Path.GetFullPath(directory), $"{safeName}-{stamp}");
        var suffix = string.Empty;
        for (var n = 2; File.Exists(baseName + suffix + ".md") && n < 1000; n++)
        {
            suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        var markdownPath = baseName + suffix + ".md";
        var htmlPath = baseName + suffix + ".html";
        // The last fence: whatever reached a report (a target URL with a token in its query, an
        // error message quoting a header) is redacted before it is written.
        File.WriteAllText(markdownPath, SecretRedactor.Redact(MarkdownReport.Render(report)));
        File.WriteAllText(htmlPath, SecretRedactor.Redact(HtmlReport.Render(report)));
        return (markdownPath, htmlPath);
    }
}
