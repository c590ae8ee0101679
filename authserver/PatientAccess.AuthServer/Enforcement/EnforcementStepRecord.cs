namespace PatientAccess.AuthServer.Enforcement;

/// <summary>
/// One step of an enforcement action and how it ended. A step is claimed (<c>running</c>) by a
/// conditional update before it runs, so two deliveries of the same action never run it twice;
/// only a <c>failed</c> step is claimed again, by a replay.
/// </summary>
internal sealed class EnforcementStepRecord
{
    public required string ActionId { get; set; }

    /// <summary>See <see cref="EnforcementSteps"/>.</summary>
    public required string Name { get; set; }

    /// <summary>Position in the action's order.</summary>
    public int Position { get; set; }

    /// <summary>See <see cref="EnforcementSteps"/>: pending, running, done, skipped or failed.</summary>
    public required string State { get; set; }

    /// <summary>Unix milliseconds when the step last finished; null while pending.</summary>
    public long? At { get; set; }

    /// <summary>Tokens revoked, e-mails sent, listings changed; null where nothing is counted.</summary>
    public int? Count { get; set; }

    /// <summary>Members with no e-mail address on file (the member e-mail step only).</summary>
    public int? Skipped { get; set; }
}
