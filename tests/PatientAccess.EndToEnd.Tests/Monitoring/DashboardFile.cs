using System.Text.Json;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>A dashboard of deploy/grafana/dashboards, read as Grafana reads it (the JSON model).</summary>
internal sealed class DashboardFile
{
    private DashboardFile(string path, JsonElement root)
    {
        Path = path;
        Root = root;
        Uid = root.GetProperty("uid").GetString() ?? string.Empty;
        Title = root.GetProperty("title").GetString() ?? string.Empty;
        Panels = [.. root.GetProperty("panels").EnumerateArray().Select(panel => new DashboardPanel(
            Uid,
            panel.GetProperty("title").GetString() ?? string.Empty,
            panel.GetProperty("type").GetString() ?? string.Empty,
            [.. panel.GetProperty("targets").EnumerateArray().Select(target => new DashboardQuery(
                target.GetProperty("expr").GetString() ?? string.Empty,
                target.TryGetProperty("legendFormat", out var legend) ? legend.GetString() ?? string.Empty : string.Empty))]))];
    }

    public static string Folder => System.IO.Path.Combine(RepoPaths.Root, "deploy", "grafana", "dashboards");

    public string Path { get; }

    public JsonElement Root { get; }

    public string Uid { get; }

    public string Title { get; }

    public IReadOnlyList<DashboardPanel> Panels { get; }

    public IEnumerable<string> VariableNames =>
        Root.GetProperty("templating").GetProperty("list").EnumerateArray().Select(v => v.GetProperty("name").GetString() ?? string.Empty);

    public static IReadOnlyList<DashboardFile> All() =>
        [.. Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).Select(Read)];

    public static DashboardFile Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new DashboardFile(path, document.RootElement.Clone());
    }
}
