namespace PatientAccess.MemberContext;

/// <summary>
/// What one app request may see, as verified by the gateway from the member's token:
/// the patients in scope and the sensitive categories the member consented to share.
/// </summary>
/// <param name="PatientIds">Patient ids whose compartments are visible; empty means none.</param>
/// <param name="SensitiveCategories">Consented <see cref="SensitiveCategories"/> codes (HL7 v3 ActCode).</param>
/// <param name="ClientId">The app, for audit and logs.</param>
/// <param name="ExpiresAt">When this vouching stops being valid (seconds after it was made).</param>
public sealed record MemberContext(
    IReadOnlyList<string> PatientIds,
    IReadOnlyList<string> SensitiveCategories,
    string ClientId,
    DateTimeOffset ExpiresAt);
