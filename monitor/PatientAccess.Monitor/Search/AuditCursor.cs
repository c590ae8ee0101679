using System.Globalization;

namespace PatientAccess.Monitor.Search;

/// <summary>
/// Where the next page starts: after the event (recorded, seq) the last page ended with. Keyset,
/// not offset: events stored meanwhile (also late ones, recorded earlier) never shift a page.
/// </summary>
internal sealed record AuditCursor(long RecordedMs, long Seq)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{RecordedMs}.{Seq}");

    public static AuditCursor? Parse(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var recorded)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? new AuditCursor(recorded, seq)
            : null;
    }
}
