namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// How one demo app presents itself to members and in the gallery: what a real app's developer
/// would give the plan (name, logo, description, website, policies, support address).
/// </summary>
/// <param name="ClientId">The id in demo-clients.json.</param>
/// <param name="Name">The name members see.</param>
/// <param name="Type">Confidential or public.</param>
/// <param name="LogoFile">A PNG among the site's embedded assets (Member/Assets), served at <c>/member/assets/{LogoFile}</c>.</param>
/// <param name="Description">What members and the gallery read about the app.</param>
/// <param name="Website">The app's website.</param>
/// <param name="PrivacyPolicyUri">The app's privacy policy.</param>
/// <param name="TermsOfServiceUri">The app's terms of service.</param>
/// <param name="SupportEmail">Where members write for help.</param>
internal sealed record DemoApp(
    string ClientId,
    string Name,
    ClientType Type,
    string LogoFile,
    string Description,
    string Website,
    string PrivacyPolicyUri,
    string TermsOfServiceUri,
    string SupportEmail)
{
    /// <summary>The two apps <see cref="DemoClientSeeder"/> registers; the ids are the demo-clients.json contract.</summary>
    public static IReadOnlyList<DemoApp> All { get; } =
    [
        new(
            DemoClientSeeder.ConfidentialClientId,
            "Sunrise Health Notes",
            ClientType.Confidential,
            "app-sunrise-health-notes.png",
            "Keeps your visits, claims and medicines in one private health journal, and reminds you before refills and check-ups.",
            "https://sunrise-health-notes.example/",
            "https://sunrise-health-notes.example/privacy",
            "https://sunrise-health-notes.example/terms",
            "help@sunrise-health-notes.example"),
        new(
            DemoClientSeeder.PublicClientId,
            "Pocket Claims",
            ClientType.Public,
            "app-pocket-claims.png",
            "Shows on your phone what your health plan paid and what you owe for each visit, and explains every line of your Explanation of Benefits.",
            "https://pocket-claims.example/",
            "https://pocket-claims.example/privacy",
            "https://pocket-claims.example/terms",
            "support@pocket-claims.example"),
    ];

    /// <summary>The logo's absolute URL under the server's public base (the issuer).</summary>
    public string LogoUri(string issuerBase) => issuerBase.TrimEnd('/') + "/member/assets/" + LogoFile;
}
