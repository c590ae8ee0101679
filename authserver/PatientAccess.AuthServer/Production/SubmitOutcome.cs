namespace PatientAccess.AuthServer.Production;

/// <summary>The result of submitting a request: its id, or why it cannot be taken (a text key: <c>production.submit.*</c>).</summary>
internal sealed record SubmitOutcome(string? RequestId, string? ProblemKey)
{
    public static SubmitOutcome Pending { get; } = new(null, "production.submit.pending");

    public static SubmitOutcome ClientInactive { get; } = new(null, "production.submit.inactive");
}
