namespace PatientAccess.MemberContext;

/// <summary>
/// What one app request may see, as verified by the gateway from the member's token:
/// the patients in scope, the sensitive categories the member consented to share, and the
/// resource types the token's scopes allow.
/// </summary>
/// <param name="PatientIds">Patient ids whose compartments are visible; empty means none.</param>
/// <param name="SensitiveCategories">Consented <see cref="SensitiveCategories"/> codes (HL7 v3 ActCode).</param>
/// <param name="ReadTypes">
/// Resource types the app may read by id (SMART v1 <c>.read</c>, v2 <c>r</c>); <see cref="AnyType"/>
/// for every type; empty means none.
/// </param>
/// <param name="SearchTypes">
/// Resource types the app may receive in a search Bundle, as a match or as an include (SMART v1
/// <c>.read</c>, v2 <c>s</c>); <see cref="AnyType"/> for every type; empty means none.
/// </param>
/// <param name="ClientId">The app, for audit and logs.</param>
/// <param name="ExpiresAt">When this vouching stops being valid (seconds after it was made).</param>
public sealed record MemberContext(
    IReadOnlyList<string> PatientIds,
    IReadOnlyList<string> SensitiveCategories,
    IReadOnlyList<string> ReadTypes,
    IReadOnlyList<string> SearchTypes,
    string ClientId,
    DateTimeOffset ExpiresAt)
{
    /// <summary>In <see cref="ReadTypes"/> or <see cref="SearchTypes"/>: every resource type (<c>patient/*.read</c>).</summary>
    public const string AnyType = "*";
}
