using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PatientAccess.Monitor.Flags;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Api;

/// <summary>
/// Contract 4, behind the staff key (<see cref="Staff.StaffCredentialMiddleware"/>):
/// <c>GET /api/reviews[?state=open]</c> answers <c>{"reviews": [...], "count": n}</c> (snake_case
/// ReviewItems, newest first); <c>POST /api/apps/{clientId}/reinstate</c> and <c>/revoke</c> take
/// <c>{"reason": "..."}</c> (1-500 characters) and answer <c>{"client_id", "status"}</c>, or a JSON
/// problem (RFC 9457) with the decision's status code. The actor is <c>staff:</c> and the first 8
/// hex digits of the staff key's SHA-256: which key acted, without the key.
/// </summary>
internal static class ReviewApi
{
    private const int MaxReason = 500;
    private const int MaxClientId = 200;
    private const int MaxBody = 16 * 1024;

    public static WebApplication MapReviewApi(this WebApplication app)
    {
        app.MapGet("/api/reviews", ListAsync);
        app.MapPost("/api/apps/{clientId}/reinstate", (HttpContext context, string clientId, IStaffDecisions decisions) =>
            DecideAsync(context, clientId, (actor, reason, ct) => decisions.ReinstateAsync(clientId, actor, reason, ct)));
        app.MapPost("/api/apps/{clientId}/revoke", (HttpContext context, string clientId, IStaffDecisions decisions) =>
            DecideAsync(context, clientId, (actor, reason, ct) => decisions.RevokeAsync(clientId, actor, reason, ct)));
        return app;
    }

    /// <summary><c>staff:</c> and the first 8 hex digits of the presented staff key's SHA-256 (the middleware has already checked it).</summary>
    public static string StaffActor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var value) ? value.Parameter ?? string.Empty : string.Empty;
        return "staff:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
    }

    private static async Task<IResult> ListAsync(HttpContext context, IReviewQueue queue)
    {
        var state = context.Request.Query["state"];
        if (context.Request.Query.Keys.Any(k => k != "state") || state.Count > 1 || (state.Count == 1 && state[0] is not ("open" or "all")))
        {
            return Problem(400, "the only parameter is state, and it is open or all");
        }

        var reviews = await queue.ListAsync(state.Count == 1 && state[0] == "open", context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new ReviewList(reviews, reviews.Count), FlagJson.Options);
    }

    private static async Task<IResult> DecideAsync(HttpContext context, string clientId, Func<string, string, CancellationToken, Task<DecisionResult>> decide)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (clientId.Length is 0 or > MaxClientId || clientId.Any(char.IsControl))
        {
            return Problem(404, "no such app in the review queue");
        }

        if (await ReasonAsync(context.Request) is not { } reason)
        {
            return Problem(400, $"the body must be JSON {{\"reason\": \"...\"}} with a reason of 1 to {MaxReason} characters");
        }

        var result = await decide(StaffActor(context), reason, context.RequestAborted);
        return result.Succeeded
            ? Results.Json(new DecisionAnswer(clientId, result.ClientStatus ?? "unknown"), FlagJson.Options)
            : Problem(result.StatusCode, result.Error ?? "the decision could not be carried out");
    }

    private static async Task<string?> ReasonAsync(HttpRequest request)
    {
        // Read at most MaxBody bytes, whatever Content-Length says (or does not: chunked).
        var buffer = new byte[MaxBody + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
        {
            length += read;
        }

        if (length > MaxBody)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("reason", out var reason)
                && reason.ValueKind == JsonValueKind.String
                && reason.GetString()!.Trim() is { Length: > 0 and <= MaxReason } text
                && !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r'))
                ? text
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
