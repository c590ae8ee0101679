using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Browser;

/// <summary>axe-core from npm (installed beside this file by .ci/run, or here on first use).</summary>
internal static class AxeCore
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "PatientAccess.AuthServer.Tests", "Browser", "axe");

    public static async Task<string> ScriptPathAsync()
    {
        var script = Path.Combine(Folder, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(script))
        {
            var npm = ExternalTool.Require("npm", "npm");
            var (exit, output) = await ExternalTool.RunAsync(npm, ["install", "--prefix", Folder, "--no-audit", "--no-fund"], timeout: TimeSpan.FromMinutes(5));
            Assert.True(exit == 0 && File.Exists(script), "npm install axe-core failed:\n" + output);
        }

        return script;
    }
}
