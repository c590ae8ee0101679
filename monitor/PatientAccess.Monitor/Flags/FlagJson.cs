using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatientAccess.Monitor.Flags;

/// <summary>The review queue's JSON: snake_case, as <c>GET /api/reviews</c> answers and the flag rows keep it.</summary>
internal static class FlagJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("null " + typeof(T).Name);
}
