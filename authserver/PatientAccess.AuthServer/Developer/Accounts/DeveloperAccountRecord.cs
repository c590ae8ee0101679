namespace PatientAccess.AuthServer.Developer.Accounts;

/// <summary>A developer's account: one verified e-mail address. Never a member account: the two live in different tables and sessions.</summary>
internal sealed class DeveloperAccountRecord
{
    public required string DeveloperId { get; set; }

    /// <summary>Lower-cased, trimmed; unique.</summary>
    public required string Email { get; set; }

    public required string Name { get; set; }

    public long CreatedAt { get; set; }

    public long LastSignInAt { get; set; }
}
