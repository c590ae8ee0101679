using System.Text.RegularExpressions;

namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>
/// The alert rules of deploy/prometheus/rules and the alert tests of deploy/prometheus/tests, read as
/// text (the files follow one layout: "- alert:" blocks, and "alertname:" followed by "exp_alerts:").
/// promtool checks their syntax; this reads what promtool does not insist on.
/// </summary>
internal static partial class AlertRuleText
{
    /// <summary>Each alert of a rule file: its name and the text of its block.</summary>
    public static IEnumerable<(string Name, string Block)> Alerts(string ruleFile)
    {
        var text = File.ReadAllText(ruleFile);
        foreach (Match match in AlertBlock().Matches(text))
        {
            yield return (match.Groups["name"].Value, match.Value);
        }
    }

    /// <summary>Alert names a test file expects to fire (a non-empty exp_alerts) at some time.</summary>
    public static HashSet<string> ExpectedFiring(string testFile) =>
        [.. AlertTest().Matches(File.ReadAllText(testFile)).Where(m => !m.Groups["empty"].Success).Select(m => m.Groups["name"].Value)];

    /// <summary>Alert names a test file expects to stay quiet (exp_alerts: []) at some time.</summary>
    public static HashSet<string> ExpectedQuiet(string testFile) =>
        [.. AlertTest().Matches(File.ReadAllText(testFile)).Where(m => m.Groups["empty"].Success).Select(m => m.Groups["name"].Value)];

    [GeneratedRegex(@"^\s+- alert: (?<name>\w+)\n(?:(?!^\s+- (?:alert|record):).*\n?)*", RegexOptions.Multiline)]
    private static partial Regex AlertBlock();

    [GeneratedRegex(@"alertname: (?<name>\w+)\s*\n\s*exp_alerts:(?<empty> \[\])?")]
    private static partial Regex AlertTest();
}
