using PatientAccess.AuthServer.Tests.Integration.Mail;

namespace PatientAccess.AuthServer.Tests.Integration.Enforcement;

/// <summary>One message of the outbox folder, as a mail client shows it.</summary>
internal sealed record OutboxMail(string To, string Subject, string Language, string Body)
{
    public static IReadOnlyList<OutboxMail> All(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "outbox");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText).Select(text =>
        {
            var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = MimeText.Headers(text[..split]);
            return new OutboxMail(headers["To"], MimeText.DecodeWords(headers["Subject"]), headers["Content-Language"], text[(split + 4)..]);
        })];
    }
}
