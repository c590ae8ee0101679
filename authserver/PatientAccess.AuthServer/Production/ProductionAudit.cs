namespace PatientAccess.AuthServer.Production;

/// <summary>Staff action names and audit stream <c>type</c>s of production access and review dates.</summary>
internal static class ProductionAudit
{
    public const string Approved = "production.approved";
    public const string Denied = "production.denied";
    public const string AutoSuspended = "review.attestation_overdue_suspended";
    public const string StaffSignedIn = "staff.signed_in";
    public const string StaffSignedOut = "staff.signed_out";
}
