using System.Text.Json.Serialization;

namespace PatientAccess.MemberContext;

/// <summary>The compact JSON form of a <see cref="MemberContext"/> inside the header.</summary>
internal sealed record Wire(
    [property: JsonPropertyName("p")] string[]? Patients,
    [property: JsonPropertyName("s")] string[]? Categories,
    [property: JsonPropertyName("c")] string? Client,
    [property: JsonPropertyName("e")] long Expires)
{
    public static Wire From(MemberContext context) =>
        new([.. context.PatientIds], [.. context.SensitiveCategories], context.ClientId, context.ExpiresAt.ToUnixTimeSeconds());

    public MemberContext ToContext() =>
        new(Patients!, Categories!, Client!, DateTimeOffset.FromUnixTimeSeconds(Expires));
}
