using System.Text.RegularExpressions;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>
/// The shipped rules as Prometheus' own tool judges them, and what security staff rely on in every
/// alert: a severity, a summary and description, and a runbook that exists in docs/operations.md.
/// </summary>
public sealed partial class PrometheusRulesTests
{
    private static string Rules => Path.Combine(PrometheusConfigCopy.Source, "rules");

    private static string RuleTests => Path.Combine(PrometheusConfigCopy.Source, "tests");

    public static TheoryData<string> TestFiles => [.. Directory.GetFiles(RuleTests, "*.test.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task PromtoolCheckRules_EveryRuleFile_Succeeds()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        var files = Directory.GetFiles(Rules, "*.yml");

        var (exitCode, output) = await ExternalTool.RunAsync(promtool, ["check", "rules", .. files]);

        Assert.True(exitCode == 0, output);
        Assert.True(files.Length >= 5, $"expected the recording file and four alert groups, found {files.Length}");
    }

    /// <summary>promtool resolves each test file's rule_files beside it; every alert must match exactly at every eval_time.</summary>
    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task PromtoolTestRules_GroupTestFile_Passes(string file)
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");

        var (exitCode, output) = await ExternalTool.RunAsync(promtool, ["test", "rules", Path.Combine(RuleTests, file)], timeout: TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    /// <summary>A test file per alert group, and in it every alert of the group shown to fire and to stay quiet.</summary>
    [Fact]
    public void AlertRules_EveryAlert_TestedToFireAndToStayQuiet()
    {
        var ruleFiles = Directory.GetFiles(Rules, "*.yml").Where(f => AlertRuleText.Alerts(f).Any()).ToList();
        Assert.NotEmpty(ruleFiles);
        foreach (var ruleFile in ruleFiles)
        {
            var testFile = Path.Combine(RuleTests, Path.GetFileNameWithoutExtension(ruleFile) + ".test.yml");
            Assert.True(File.Exists(testFile), $"{Path.GetFileName(ruleFile)} has no test file {Path.GetFileName(testFile)}");
            var firing = AlertRuleText.ExpectedFiring(testFile);
            var quiet = AlertRuleText.ExpectedQuiet(testFile);
            foreach (var (name, _) in AlertRuleText.Alerts(ruleFile))
            {
                Assert.True(firing.Contains(name), $"{Path.GetFileName(testFile)} never shows {name} firing");
                Assert.True(quiet.Contains(name), $"{Path.GetFileName(testFile)} never shows {name} staying quiet");
            }
        }
    }

    [Fact]
    public void AlertRules_EveryAlert_HasSeveritySummaryDescriptionAndARunbookThatExists()
    {
        var operations = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "operations.md"));
        var anchors = Heading().Matches(operations).Select(m => Anchor(m.Groups["text"].Value)).ToHashSet(StringComparer.Ordinal);
        var alerts = Directory.GetFiles(Rules, "*.yml").SelectMany(AlertRuleText.Alerts).ToList();
        Assert.True(alerts.Count >= 15, $"only {alerts.Count} alerts found");

        foreach (var (name, block) in alerts)
        {
            Assert.Matches(@"severity: (critical|warning|info)\n", block);
            Assert.Matches("summary: \".+\"", block);
            Assert.Matches("description: \".+\"", block);
            var runbook = Runbook().Match(block);
            Assert.True(runbook.Success, $"{name} has no runbook_url into docs/operations.md");
            Assert.True(anchors.Contains(runbook.Groups["anchor"].Value), $"{name}: docs/operations.md has no heading for #{runbook.Groups["anchor"].Value}");
        }
    }

    /// <summary>GitHub's heading anchors: lower case, spaces to hyphens, punctuation dropped.</summary>
    private static string Anchor(string heading) =>
        NotAnchor().Replace(heading.Trim().ToLowerInvariant().Replace(' ', '-'), string.Empty);

    [GeneratedRegex(@"^#{2,4} (?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"runbook_url: docs/operations\.md#(?<anchor>[a-z0-9-]+)\n")]
    private static partial Regex Runbook();

    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex NotAnchor();
}
