namespace PatientAccess.LoadTests.Tests.Unit.Cli;

/// <summary>
/// A data folder with a demo-clients.json, and a valid launch or token command line whose
/// options can be replaced, added or removed one at a time.
/// </summary>
public sealed class SmartArguments : IDisposable
{
    public SmartArguments()
    {
        DataDirectory = Directory.CreateTempSubdirectory("pa-loadtests-smart-").FullName;
        File.WriteAllText(Path.Combine(DataDirectory, "demo-clients.json"), """
            [{"client_id":"demo-confidential-app","client_secret":"s3cret","redirect_uris":["http://127.0.0.1:8765/callback"]},
             {"client_id":"demo-public-app","redirect_uris":["http://127.0.0.1:8765/callback"]}]
            """);
        ReportDirectory = Path.Combine(DataDirectory, "reports");
    }

    public string DataDirectory { get; }

    public string ReportDirectory { get; }

    public string[] Launch(params string[] change) => Apply("launch", Base(), change);

    public string[] Token(params string[] change) => Apply("token", [.. Base(), ("--grant", "refresh_token"), ("--rate", "10"), ("--duration", "2s"), ("--report-dir", ReportDirectory)], change);

    public void Dispose() => Directory.Delete(DataDirectory, recursive: true);

    /// <summary>"--no-x" removes option --x; "--x v" replaces it (or adds it); flags are added.</summary>
    private static string[] Apply(string command, List<(string Name, string Value)> options, string[] change)
    {
        var extra = new List<string>();
        for (var i = 0; i < change.Length; i++)
        {
            var name = change[i];
            if (name.StartsWith("--no-", StringComparison.Ordinal))
            {
                options.RemoveAll(o => o.Name == "--" + name[5..]);
            }
            else if (i + 1 < change.Length && !change[i + 1].StartsWith("--", StringComparison.Ordinal) && !name.Contains('=', StringComparison.Ordinal))
            {
                options.RemoveAll(o => o.Name == name);
                options.Add((name, change[++i]));
            }
            else
            {
                extra.Add(name);
            }
        }

        return [command, .. options.SelectMany(o => new[] { o.Name, o.Value }), .. extra];
    }

    private List<(string Name, string Value)> Base() =>
    [
        ("--authserver", "http://127.0.0.1:5001"),
        ("--data", DataDirectory),
        ("--aud", "http://localhost:5000/r4"),
    ];
}
