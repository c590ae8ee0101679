using System.Text.Json;
using System.Text.Json.Nodes;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// A real member authorizing a real app: the load tool's <c>launch</c> (a standalone SMART launch
/// over HTTP through the member pages, loadtests/README.md) as the app named by
/// <c>--client-id</c>, with its credentials in a file only this user can read. The member is the
/// demo member John Allen under an account address of the test's choosing, so every test has
/// members of its own (each address is its own account, its own grants, its own e-mails).
/// </summary>
internal static class MemberGrants
{
    /// <summary>The member <paramref name="memberEmail"/> authorizes <paramref name="app"/> in <paramref name="language"/> (en or es: the member pages' and the member's e-mails').</summary>
    public static async Task<MemberGrant> AuthorizeAsync(EnforcementServices stack, ProductionApp app, string memberEmail, string language = "en")
    {
        var result = await TryAuthorizeAsync(stack, app, memberEmail, language);
        return result.Grant ?? throw new InvalidOperationException($"launch of {app.ClientId} for {memberEmail} failed:\n{result.Output}");
    }

    /// <summary>The grant, or null with the tool's output (an authorization the authserver refused).</summary>
    public static async Task<(MemberGrant? Grant, string Output)> TryAuthorizeAsync(EnforcementServices stack, ProductionApp app, string memberEmail, string language = "en")
    {
        var dll = Path.Combine(RepoPaths.ServiceOutput("loadtests", "PatientAccess.LoadTests"), "PatientAccess.LoadTests.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is not built; build tests/PatientAccess.EndToEnd.Tests (it references the load tool)");
        }

        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(stack.DataDirectory)!, "apps")).FullName;
        var clients = Path.Combine(folder, app.ClientId + ".json");
        if (!File.Exists(clients))
        {
            var entry = new JsonArray(new JsonObject { ["client_id"] = app.ClientId, ["client_secret"] = app.Secret, ["redirect_uris"] = new JsonArray(app.Redirect) });
            await File.WriteAllTextAsync(clients, entry.ToJsonString());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(clients, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var (exitCode, text) = await ExternalTool.RunAsync("dotnet",
            [dll, "launch", "--authserver", stack.AuthServer.ToString().TrimEnd('/'), "--data", stack.DataDirectory, "--aud", stack.Audience,
             "--client-id", app.ClientId, "--clients", clients, "--email", memberEmail, "--language", language],
            timeout: TimeSpan.FromMinutes(3));
        if (exitCode != 0)
        {
            return (null, text);
        }

        var json = text.Split('\n').First(line => line.TrimStart().StartsWith('{'));
        using var response = JsonDocument.Parse(json);
        var root = response.RootElement;
        return (new MemberGrant(
            app,
            memberEmail,
            root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            root.GetProperty("patient").GetString()!), text);
    }

    /// <summary>A new member address for a test: its own account of the demo member.</summary>
    public static string NewMember(string label) => $"member-{label}-{Guid.NewGuid().ToString("N")[..8]}@example.com";
}
