namespace PatientAccess.AuthServer.Gallery;

/// <summary>What the gallery shows of one app: public listing facts only (no secret, no security contact).</summary>
internal sealed record GalleryApp(
    string ClientId,
    string Name,
    string? LogoUri,
    string? Description,
    string? Website,
    string? PrivacyPolicyUri,
    string? TermsOfServiceUri,
    string? SupportEmail);
