namespace PatientAccess.AuthServer.Production;

/// <summary>
/// A production access request as sent, from the portal form or the JSON API, not yet checked.
/// The names in comments are the form fields and JSON properties.
/// </summary>
internal sealed class ProductionSubmission
{
    /// <summary><c>company</c>.</summary>
    public string? Company { get; init; }

    /// <summary><c>description</c>: what the app does, as members read it in the gallery.</summary>
    public string? Description { get; init; }

    /// <summary><c>purpose</c>: the app's purpose and the people it serves.</summary>
    public string? Purpose { get; init; }

    /// <summary><c>customers</c>: consumers, organizations or both.</summary>
    public string? Customers { get; init; }

    /// <summary><c>consumer_cost</c>: what consumers pay.</summary>
    public string? ConsumerCost { get; init; }

    /// <summary><c>terms_of_service_uri</c>.</summary>
    public string? TermsOfServiceUri { get; init; }

    /// <summary><c>privacy_policy_uri</c>.</summary>
    public string? PrivacyPolicyUri { get; init; }

    /// <summary><c>support_email</c> (user-facing).</summary>
    public string? SupportEmail { get; init; }

    /// <summary><c>security_contact</c> (an e-mail address; the plan's use only).</summary>
    public string? SecurityContact { get; init; }

    /// <summary><c>test_instance</c>: yes or no.</summary>
    public string? TestInstance { get; init; }

    /// <summary><c>share_with_customers</c>: yes or no.</summary>
    public string? ShareWithCustomers { get; init; }

    /// <summary><c>plans</c>: all or named.</summary>
    public string? Plans { get; init; }

    /// <summary><c>plan_names</c>: which plans, when <c>plans</c> is named.</summary>
    public string? PlanNames { get; init; }

    /// <summary><c>q1</c> to <c>q10</c>: yes, no or na.</summary>
    public IReadOnlyList<string?> Answers { get; init; } = new string?[AttestationRule.Questions];

    /// <summary><c>logo</c>: a square PNG or JPEG; none reuses the client's logo.</summary>
    public byte[]? Logo { get; init; }

    /// <summary><c>certificate</c>: the HITRUST or SOC 2 Type II certificate (PDF, PNG or JPEG).</summary>
    public byte[]? Certificate { get; init; }
}
