using System.Text.RegularExpressions;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>Reads the codes the server e-mailed, from the .eml files in its outbox folder.</summary>
internal static partial class Outbox
{
    public static string Folder(string dataDirectory) => Path.Combine(dataDirectory, "outbox");

    /// <summary>The newest message to <paramref name="to"/>, whole.</summary>
    public static string Latest(string dataDirectory, string to)
    {
        var folder = Folder(dataDirectory);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Reverse() : [];
        return files.Select(File.ReadAllText).FirstOrDefault(m => m.Contains("\r\nTo: " + to + "\r\n", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no message to {to} in {folder}");
    }

    public static string LatestCode(string dataDirectory, string to)
    {
        var message = Latest(dataDirectory, to);
        var body = message[(message.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return SixDigits().Match(body).Value;
    }

    public static int Count(string dataDirectory) =>
        Directory.Exists(Folder(dataDirectory)) ? Directory.GetFiles(Folder(dataDirectory), "*.eml").Length : 0;

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
