namespace PatientAccess.AuthServer.Production;

/// <summary>The result of a staff decision: done, or why not (a text key: <c>staff.decision.*</c>).</summary>
internal sealed record DecisionOutcome(bool Done, string? ProblemKey, int Status)
{
    public static DecisionOutcome Success { get; } = new(true, null, StatusCodes.Status200OK);

    public static DecisionOutcome NotFound { get; } = new(false, "staff.decision.notFound", StatusCodes.Status404NotFound);

    public static DecisionOutcome AlreadyDecided { get; } = new(false, "staff.decision.alreadyDecided", StatusCodes.Status409Conflict);

    public static DecisionOutcome ClientInactive { get; } = new(false, "staff.decision.clientInactive", StatusCodes.Status409Conflict);
}
