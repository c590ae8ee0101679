using System.Text.Json;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>
/// A real standalone SMART App Launch against a running authserver, by the load tool's
/// <c>launch</c> command (loadtests/README.md): the demo member signs in on the member pages and
/// approves the demo app, which exchanges the code for a token. Returns the app's token and patient.
/// </summary>
internal static class SmartLaunch
{
    /// <summary><paramref name="client"/>: confidential (demo-confidential-app) or public (demo-public-app).</summary>
    public static async Task<AppToken> RunAsync(Uri authserver, string dataDirectory, string audience, string client)
    {
        var output = RepoPaths.ServiceOutput("loadtests", "PatientAccess.LoadTests");
        var dll = Path.Combine(output, "PatientAccess.LoadTests.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is not built; build tests/PatientAccess.EndToEnd.Tests (it references the load tool)");
        }

        var (exitCode, text) = await ExternalTool.RunAsync("dotnet",
            [dll, "launch", "--authserver", authserver.ToString().TrimEnd('/'), "--data", dataDirectory, "--aud", audience, "--client", client],
            timeout: TimeSpan.FromMinutes(3));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"launch --client {client} exited {exitCode}:\n{text}");
        }

        // One line of JSON on stdout (the token response); stderr may follow.
        var json = text.Split('\n').First(line => line.TrimStart().StartsWith('{'));
        using var response = JsonDocument.Parse(json);
        var root = response.RootElement;
        return new AppToken(
            client == "public" ? "demo-public-app" : "demo-confidential-app",
            root.GetProperty("access_token").GetString()!,
            root.GetProperty("patient").GetString()!);
    }
}
