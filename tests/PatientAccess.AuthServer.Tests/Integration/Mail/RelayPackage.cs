using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Mail;

/// <summary>
/// Nodemailer's smtp-server from npm, installed beside relay.js by .ci/run, or here on first use
/// like axe-core; when that fails too, the test fails saying which command to run.
/// </summary>
internal static class RelayPackage
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "PatientAccess.AuthServer.Tests", "Integration", "Mail", "relay");

    public static string InstallCommand => "npm install --prefix tests/PatientAccess.AuthServer.Tests/Integration/Mail/relay --no-audit --no-fund";

    /// <summary>The relay script, with its package present.</summary>
    public static async Task<string> ScriptPathAsync()
    {
        var marker = Path.Combine(Folder, "node_modules", "smtp-server", "package.json");
        await Installing.WaitAsync();
        try
        {
            if (!File.Exists(marker))
            {
                var npm = ExternalTool.Find("npm");
                var (exit, output) = npm is null
                    ? (-1, "npm is not on PATH")
                    : await ExternalTool.RunAsync(npm, ["install", "--prefix", Folder, "--no-audit", "--no-fund"], timeout: TimeSpan.FromMinutes(5));
                Assert.True(exit == 0 && File.Exists(marker),
                    $"The SMTP relay for the mail tests needs the npm package smtp-server. From the repository root run:\n  {InstallCommand}\n(.ci/run does). npm said:\n{output}");
            }
        }
        finally
        {
            Installing.Release();
        }

        return Path.Combine(Folder, "relay.js");
    }
}
