using System.Text.RegularExpressions;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>
/// The repository's deploy/prometheus (prometheus.yml and rules/) copied to a folder of its own,
/// rewritten only where a test machine differs from the deployment: each job's discovery block
/// becomes the loopback targets of real processes, and every interval (scrape, evaluation, rule
/// groups) becomes <see cref="Interval"/> so a test sees scrapes and alerts in seconds.
/// Everything else (jobs, rule files, expressions, thresholds, "for" durations) is the shipped text.
/// </summary>
internal static partial class PrometheusConfigCopy
{
    public const string Interval = "1s";

    public static string Source => Path.Combine(RepoPaths.Root, "deploy", "prometheus");

    /// <summary>Writes the copy into <paramref name="folder"/> and returns the path of its prometheus.yml.</summary>
    public static string Write(string folder, IReadOnlyDictionary<string, IReadOnlyList<string>> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var config = File.ReadAllText(Path.Combine(Source, "prometheus.yml"));
        config = IntervalSetting().Replace(config, m => $"{m.Groups["key"].Value}: {Interval}");
        foreach (var (job, addresses) in targets)
        {
            config = ReplaceDiscovery(config, job, addresses);
        }

        Directory.CreateDirectory(Path.Combine(folder, "rules"));
        foreach (var rules in Directory.GetFiles(Path.Combine(Source, "rules"), "*.yml"))
        {
            var text = GroupInterval().Replace(File.ReadAllText(rules), m => $"{m.Groups["indent"].Value}interval: {Interval}");
            File.WriteAllText(Path.Combine(folder, "rules", Path.GetFileName(rules)), text);
        }

        var path = Path.Combine(folder, "prometheus.yml");
        File.WriteAllText(path, config);
        return path;
    }

    /// <summary>Replaces the job's discovery block (its last key, by the file's own convention) with static targets.</summary>
    private static string ReplaceDiscovery(string config, string job, IReadOnlyList<string> addresses)
    {
        var jobStart = config.IndexOf($"  - job_name: {job}\n", StringComparison.Ordinal);
        if (jobStart < 0)
        {
            throw new InvalidOperationException($"prometheus.yml has no job {job}");
        }

        var next = config.IndexOf("\n  - job_name: ", jobStart + 1, StringComparison.Ordinal);
        var jobEnd = next < 0 ? config.Length : next + 1;
        // Comments above the next job belong to it: the block ends at the last line indented under this job.
        var block = config[jobStart..jobEnd];
        var discovery = DiscoveryKey().Match(block);
        if (!discovery.Success)
        {
            throw new InvalidOperationException($"job {job} has no discovery block");
        }

        var rest = block[discovery.Index..];
        var trailingComments = TrailingComments().Match(rest);
        var replacement = $"    static_configs: [{{ targets: [{string.Join(", ", addresses.Select(a => $"\"{a}\""))}] }}]\n";
        var newBlock = block[..discovery.Index] + replacement + (trailingComments.Success ? trailingComments.Value : string.Empty);
        return config[..jobStart] + newBlock + config[jobEnd..];
    }

    [GeneratedRegex(@"(?<key>scrape_interval|evaluation_interval): \S+")]
    private static partial Regex IntervalSetting();

    [GeneratedRegex(@"^(?<indent>\s+)interval: \S+", RegexOptions.Multiline)]
    private static partial Regex GroupInterval();

    [GeneratedRegex(@"^    (dns_sd_configs|static_configs|file_sd_configs):", RegexOptions.Multiline)]
    private static partial Regex DiscoveryKey();

    [GeneratedRegex(@"(^  #.*\n)+\z", RegexOptions.Multiline)]
    private static partial Regex TrailingComments();
}
