using System.Text.Json;
using System.Text.Json.Nodes;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Storage;

/// <summary>A malformed stream entry kept with its reason, so a person can see what a producer wrote.</summary>
internal sealed record DeadLetter(string EntryId, string Reason, string Fields, long ReceivedMs)
{
    private const int MaxFields = 16 * 1024;

    public static DeadLetter Of(StreamEntry entry, string reason, DateTimeOffset now)
    {
        var fields = new JsonObject();
        foreach (var value in entry.Values ?? [])
        {
            fields[(string)value.Name!] = (string?)value.Value;
        }

        var text = fields.ToJsonString(JsonSerializerOptions.Default);
        return new DeadLetter(entry.Id.ToString(), reason, text.Length > MaxFields ? text[..MaxFields] : text, now.ToUnixTimeMilliseconds());
    }
}
