using System.Text.Json;

namespace PatientAccess.Gateway.Revocation;

/// <summary>One revocation as the authserver publishes it (channel message and feed item).</summary>
public sealed record RevocationEntry(long Sequence, string Kind, string Id, long Time, long ExpiresAt)
{
    public const string Client = "client";
    public const string Grant = "grant";
    public const string Token = "token";

    public static RevocationEntry? TryParse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("kind", out var kind) || kind.GetString() is not (Client or Grant or Token)
            || !element.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString())
            || !element.TryGetProperty("time", out var time) || !time.TryGetInt64(out var at))
        {
            return null;
        }

        var sequence = element.TryGetProperty("sequence", out var s) && s.TryGetInt64(out var n) ? n : 0;
        var expires = element.TryGetProperty("expires_at", out var e) && e.TryGetInt64(out var x) ? x : long.MaxValue;
        return new RevocationEntry(sequence, kind.GetString()!, id.GetString()!, at, expires);
    }

    public static RevocationEntry? TryParse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return TryParse(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
