namespace PatientAccess.Monitor.Reviews;

/// <summary>
/// One of the five steps of a suspension or revocation (<c>credentials</c>, <c>tokens</c>,
/// <c>member_emails</c>, <c>contact_emails</c>, <c>gallery</c>), as the authserver recorded it.
/// </summary>
/// <param name="Name">The step's name.</param>
/// <param name="State"><c>done</c>, <c>skipped</c> (nothing to do) or <c>failed</c>.</param>
/// <param name="Count">Tokens revoked or e-mails sent, where the step counts something.</param>
/// <param name="At">When it was done (or failed).</param>
internal sealed record ReviewStep(string Name, string State, DateTimeOffset At, int? Count);
