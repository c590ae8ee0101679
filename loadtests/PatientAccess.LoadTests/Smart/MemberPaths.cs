namespace PatientAccess.LoadTests.Smart;

/// <summary>The member pages the flow passes through (authserver Member/Pages/MemberFlow.cs).</summary>
internal static class MemberPaths
{
    public const string Register = "/member/register";
    public const string Email = "/member/email";
    public const string SignIn = "/member/signin";
    public const string Code = "/member/code";
    public const string Choose = "/member/choose";
    public const string Sharing = "/member/sharing";
    public const string Approve = "/member/approve";
}
