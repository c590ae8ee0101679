using Microsoft.Extensions.Options;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Flags;

/// <summary>The review queue from the flag table, newest first (IReviewQueue for the API and the /reviews page).</summary>
internal sealed class ReviewQueue(FlagStore store, IOptions<FlagsOptions> options) : IReviewQueue
{
    public async Task<IReadOnlyList<ReviewItem>> ListAsync(bool openOnly, CancellationToken cancellationToken)
    {
        var flags = await store.ListAsync(openOnly, options.Value.ListLimit, cancellationToken);
        return [.. flags.Select(ToItem)];
    }

    public static ReviewItem ToItem(FlagRecord flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var explanation = flag.LastError is { } error ? $"{flag.Explanation} Enforcement: {error}" : flag.Explanation;
        return new ReviewItem(
            flag.Id, flag.ClientId, flag.Detector, flag.Action, flag.State, DateTimeOffset.FromUnixTimeMilliseconds(flag.FlaggedMs),
            FlagJson.Read<ReviewEvidence>(flag.Evidence), explanation, FlagJson.Read<List<ReviewStep>>(flag.Steps),
            flag.Decision is { } decision ? FlagJson.Read<ReviewDecision>(decision) : null)
        {
            Severity = flag.Severity,
        };
    }
}
