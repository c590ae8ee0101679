namespace PatientAccess.AuthServer.Production;

/// <summary>
/// A developer's request to take a sandbox app to production: what the plan reviews, and the
/// staff decision once made. The attestation is kept beside it (<see cref="AttestationRecord"/>).
/// Times are Unix seconds. The security contact is for the plan only: never listed, never shown to members.
/// </summary>
internal sealed class ProductionRequestRecord
{
    public required string RequestId { get; set; }

    public required string ClientId { get; set; }

    /// <summary>The developer account that asked (the portal's sign-in address): where the decision is mailed.</summary>
    public required string DeveloperEmail { get; set; }

    /// <summary>The language the developer used (en or es): the decision mail is written in it.</summary>
    public required string Language { get; set; }

    public required string Company { get; set; }

    /// <summary>What the app does, as members will read it in the gallery.</summary>
    public required string Description { get; set; }

    /// <summary>The app's purpose and the people it serves.</summary>
    public required string Purpose { get; set; }

    /// <summary><c>consumers</c>, <c>organizations</c> or <c>both</c>.</summary>
    public required string Customers { get; set; }

    /// <summary>What consumers pay (required when consumers are customers).</summary>
    public string? ConsumerCost { get; set; }

    public required string TermsOfServiceUri { get; set; }

    public required string PrivacyPolicyUri { get; set; }

    /// <summary>The client's existing logo, reused when no logo was uploaded with the request.</summary>
    public string? ReusedLogoUri { get; set; }

    /// <summary>User-facing support address (listed in the gallery).</summary>
    public required string SupportEmail { get; set; }

    /// <summary>Security contact (the plan's use only; never listed).</summary>
    public required string SecurityContact { get; set; }

    public bool TestInstance { get; set; }

    /// <summary>Whether the plan may share the attestation answers and the contacts with its customers.</summary>
    public bool ShareWithCustomers { get; set; }

    /// <summary>True: every plan; false: only <see cref="PlanNames"/>.</summary>
    public bool AllPlans { get; set; }

    public string? PlanNames { get; set; }

    public ProductionRequestStatus Status { get; set; }

    public long SubmittedAt { get; set; }

    public long? DecidedAt { get; set; }

    /// <summary>The deciding staff actor (a key fingerprint, never the key).</summary>
    public string? DecidedBy { get; set; }

    public string? DecisionReason { get; set; }
}
