namespace PatientAccess.MemberContext;

/// <summary>The outcome of verifying a member context header: the context, or why it was refused.</summary>
public sealed record MemberContextResult(MemberContext? Context, string? Error)
{
    public bool IsValid => Context is not null;

    public static MemberContextResult Ok(MemberContext context) => new(context, null);

    public static MemberContextResult Fail(string error) => new(null, error);
}
