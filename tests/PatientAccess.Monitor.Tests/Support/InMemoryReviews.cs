using System.Collections.Concurrent;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Tests.Support;

/// <summary>
/// A small in-memory review queue and staff decisions for the page tests (engineer B's real ones
/// live in the monitor): the flags a test puts in, and every decision the page asked for.
/// </summary>
internal sealed class InMemoryReviews : IReviewQueue, IStaffDecisions
{
    public List<ReviewItem> Items { get; } = [];

    public ConcurrentQueue<(string Kind, string ClientId, string Actor, string Reason)> Decisions { get; } = new();

    /// <summary>What the next decision answers (200 with the status by default).</summary>
    public DecisionResult? NextResult { get; set; }

    public static ReviewItem Flag(string clientId = "app-bad", string detector = DetectorNames.WriteAttempts, string action = ActionNames.Suspend, string state = ReviewStates.Open)
    {
        var at = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
        return new ReviewItem(
            Guid.CreateVersion7().ToString(),
            clientId,
            detector,
            action,
            state,
            at,
            new ReviewEvidence(12, 5, 60, at.AddSeconds(-60), at, 40, null, null, null, ["e-sample-1", "e-sample-2"]),
            "12 write attempts in 60 s (threshold 5)",
            action is ActionNames.Suspend or ActionNames.Revoke
                ? [new ReviewStep("credentials", "done", at, null), new ReviewStep("tokens", "done", at, 7), new ReviewStep("member_emails", "done", at, 3),
                   new ReviewStep("contact_emails", "failed", at, 0), new ReviewStep("gallery", "skipped", at, null)]
                : [],
            null);
    }

    public Task<IReadOnlyList<ReviewItem>> ListAsync(bool openOnly, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReviewItem>>([.. Items.Where(i => !openOnly || i.State is ReviewStates.Open or ReviewStates.Alert or ReviewStates.Failed)]);

    public Task<DecisionResult> ReinstateAsync(string clientId, string actor, string reason, CancellationToken cancellationToken) => Decide("reinstate", clientId, actor, reason, "active");

    public Task<DecisionResult> RevokeAsync(string clientId, string actor, string reason, CancellationToken cancellationToken) => Decide("revoke", clientId, actor, reason, "revoked");

    private Task<DecisionResult> Decide(string kind, string clientId, string actor, string reason, string status)
    {
        Decisions.Enqueue((kind, clientId, actor, reason));
        return Task.FromResult(NextResult ?? new DecisionResult(200, status, null));
    }
}
