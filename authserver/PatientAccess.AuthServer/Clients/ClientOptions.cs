using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Clients;

/// <summary>Demo client seeding. Section <c>Clients</c>.</summary>
internal sealed class ClientOptions : IValidatableObject
{
    public const string Section = "Clients";

    /// <summary>Seed the demo apps into an embedded install; production turns this off.</summary>
    public bool SeedDemoClients { get; set; } = true;

    /// <summary>Loopback redirect URI of both demo apps (the port may vary at run time).</summary>
    [Required(ErrorMessage = "is required")]
    public string DemoRedirectUri { get; set; } = "http://127.0.0.1:8765/callback";

    /// <summary>What the demo apps may be granted.</summary>
    public IList<string> DemoAllowedScopes { get; } = [];

    public static IReadOnlyList<string> DefaultDemoScopes { get; } =
    [
        "launch/patient", "openid", "fhirUser", "profile", "offline_access", "online_access", "patient/*.rs", "user/*.rs",
    ];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!RedirectUriMatcher.IsRegistrable(DemoRedirectUri))
        {
            yield return new ValidationResult($"'{DemoRedirectUri}' is not a registrable redirect URI", [nameof(DemoRedirectUri)]);
        }
    }
}
