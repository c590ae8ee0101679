namespace PatientAccess.AuthServer.Member.Sessions;

/// <summary>
/// The language a member last used on the member pages when approving an app (the site-wide
/// language switch, else their browser's): the language of mail the plan sends them later, such as
/// an enforcement notice. A table of its own, so older databases gain it without a column change.
/// </summary>
internal sealed class MemberLanguageRecord
{
    public required string AccountId { get; set; }

    /// <summary><c>en</c> or <c>es</c>.</summary>
    public required string Language { get; set; }

    public long UpdatedAt { get; set; }
}
