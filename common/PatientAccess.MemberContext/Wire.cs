using System.Text.Json.Serialization;

namespace PatientAccess.MemberContext;

/// <summary>The compact JSON form of a <see cref="MemberContext"/> inside the header.</summary>
internal sealed record Wire(
    [property: JsonPropertyName("p")] string[]? Patients,
    [property: JsonPropertyName("s")] string[]? Categories,
    [property: JsonPropertyName("r")] string[]? ReadTypes,
    [property: JsonPropertyName("q")] string[]? SearchTypes,
    [property: JsonPropertyName("c")] string? Client,
    [property: JsonPropertyName("e")] long Expires)
{
    public static Wire From(MemberContext context) =>
        new([.. context.PatientIds], [.. context.SensitiveCategories], [.. context.ReadTypes], [.. context.SearchTypes],
            context.ClientId, context.ExpiresAt.ToUnixTimeSeconds());

    public bool IsComplete => Patients is not null && Categories is not null && ReadTypes is not null && SearchTypes is not null && Client is not null;

    public MemberContext ToContext() =>
        new(Patients!, Categories!, ReadTypes!, SearchTypes!, Client!, DateTimeOffset.FromUnixTimeSeconds(Expires));
}
