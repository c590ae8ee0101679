using System.Text;

namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>One e-mail the authserver wrote to its outbox (.eml, UTF-8, 8bit body, base64 subject).</summary>
internal sealed record OutboxMail(string File, string To, string Subject, string Language, string Body)
{
    public static OutboxMail Read(string path)
    {
        var text = System.IO.File.ReadAllText(path);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = (split < 0 ? text : text[..split]).Split("\r\n");
        string Header(string name) => headers.FirstOrDefault(h => h.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))?[(name.Length + 2)..] ?? string.Empty;
        var subject = Header("Subject");
        if (subject.StartsWith("=?utf-8?B?", StringComparison.OrdinalIgnoreCase) && subject.EndsWith("?=", StringComparison.Ordinal))
        {
            subject = Encoding.UTF8.GetString(Convert.FromBase64String(subject[10..^2]));
        }

        return new OutboxMail(path, Header("To"), subject, Header("Content-Language"), split < 0 ? string.Empty : text[(split + 4)..]);
    }

    /// <summary>Every message in the outbox, oldest first.</summary>
    public static IReadOnlyList<OutboxMail> All(string outbox) =>
        Directory.Exists(outbox)
            ? [.. Directory.GetFiles(outbox, "*.eml").Order(StringComparer.Ordinal).Select(Read)]
            : [];

    /// <summary>Messages to <paramref name="address"/> that speak of the app (its name or client_id): the enforcement notices, not sign-in codes.</summary>
    public static IReadOnlyList<OutboxMail> About(string outbox, string address, ProductionApp app) =>
        [.. All(outbox).Where(m => string.Equals(m.To.Trim(), address, StringComparison.OrdinalIgnoreCase) && m.Mentions(app))];

    public bool Mentions(ProductionApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return Subject.Contains(app.Name, StringComparison.Ordinal) || Body.Contains(app.Name, StringComparison.Ordinal)
            || Body.Contains(app.ClientId, StringComparison.Ordinal);
    }
}
