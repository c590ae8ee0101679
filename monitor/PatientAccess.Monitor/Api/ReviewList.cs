using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Api;

/// <summary>The answer of <c>GET /api/reviews</c>: <c>{"reviews": [...], "count": n}</c>.</summary>
internal sealed record ReviewList(IReadOnlyList<ReviewItem> Reviews, int Count);
