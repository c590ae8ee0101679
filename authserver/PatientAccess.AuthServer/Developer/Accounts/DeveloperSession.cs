namespace PatientAccess.AuthServer.Developer.Accounts;

/// <summary>A loaded session: the handle it was presented with (codes are bound to it) and its stored record.</summary>
internal sealed record DeveloperSession(string Handle, DeveloperSessionRecord Record)
{
    public bool SignedIn => Record.DeveloperId is not null;
}
