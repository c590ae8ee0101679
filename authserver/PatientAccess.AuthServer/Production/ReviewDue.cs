namespace PatientAccess.AuthServer.Production;

/// <summary>One approved app on the review list: its dates, and which of them are overdue or due within the window.</summary>
internal sealed record ReviewDue(
    string ClientId,
    string ClientName,
    string Status,
    DateTimeOffset ReviewDueAt,
    DateTimeOffset AttestationDueAt,
    bool ReviewOverdue,
    bool AttestationOverdue,
    DateTimeOffset? AutoSuspendedAt);
