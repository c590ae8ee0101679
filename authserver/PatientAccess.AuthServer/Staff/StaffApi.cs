using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Production;

namespace PatientAccess.AuthServer.Staff;

/// <summary>
/// <c>/api/staff</c>: the review queue, decisions and review dates for plan staff, each call with
/// <c>Authorization: Bearer {staff key}</c> (<see cref="StaffApiFilter"/>). Errors are JSON problems.
/// </summary>
internal static class StaffApi
{
    public const int MaxReasonLength = 1000;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff").AddEndpointFilter<StaffApiFilter>();
        group.MapGet("/me", (HttpContext context) => Results.Json(new JsonObject { ["actor"] = StaffApiFilter.Actor(context).Id }));
        group.MapGet("/requests", async (ProductionRequests requests, CancellationToken cancellationToken) =>
            Results.Json(new JsonArray([.. (await requests.ListAsync(ProductionRequestStatus.Pending, cancellationToken)).Select(r => (JsonNode)Summary(r))])));
        group.MapGet("/requests/{requestId}", async (string requestId, ProductionRequests requests, DemoEvidence evidence, CancellationToken cancellationToken) =>
        {
            var found = requestId.Length <= 64 ? await requests.FindAsync(requestId, cancellationToken) : null;
            if (found is not { } pair)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "no such request");
            }

            var (exchanges, last) = await evidence.ForClientAsync(pair.Request.ClientId, cancellationToken);
            var json = Details(pair.Request, pair.Attestation);
            json["demo_evidence"] = new JsonObject { ["token_exchanges"] = exchanges, ["last_exchange_at"] = Time(last) };
            return Results.Json(json);
        });
        group.MapPost("/requests/{requestId}/approve", (string requestId, HttpContext context, ProductionRequests requests, CancellationToken cancellationToken) =>
            DecideAsync(context, requestId, approve: true, requests, cancellationToken));
        group.MapPost("/requests/{requestId}/deny", (string requestId, HttpContext context, ProductionRequests requests, CancellationToken cancellationToken) =>
            DecideAsync(context, requestId, approve: false, requests, cancellationToken));
        group.MapGet("/reviews", async (HttpContext context, ReviewDates reviews, CancellationToken cancellationToken) =>
        {
            int? window = null;
            if (context.Request.Query["window_days"] is { Count: > 0 } text)
            {
                if (text.Count > 1 || !int.TryParse(text[0], NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > 366)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "window_days must be a whole number from 0 to 366");
                }

                window = days;
            }

            return Results.Json(new JsonArray([.. (await reviews.DueAsync(window, cancellationToken)).Select(r => (JsonNode)new JsonObject
            {
                ["client_id"] = r.ClientId,
                ["name"] = r.ClientName,
                ["status"] = r.Status,
                ["review_due_at"] = Time(r.ReviewDueAt),
                ["review_overdue"] = r.ReviewOverdue,
                ["attestation_due_at"] = Time(r.AttestationDueAt),
                ["attestation_overdue"] = r.AttestationOverdue,
                ["auto_suspended_at"] = Time(r.AutoSuspendedAt),
            })]));
        });
    }

    /// <summary>The reason a decision needs, or the problem with it (null reason).</summary>
    public static string? Reason(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxReasonLength ? null : text.Trim();

    public static JsonObject Summary(ProductionRequestRecord request) => new()
    {
        ["request_id"] = request.RequestId,
        ["client_id"] = request.ClientId,
        ["company"] = request.Company,
        ["status"] = request.Status.ToString().ToLowerInvariant(),
        ["submitted_at"] = Time(DateTimeOffset.FromUnixTimeSeconds(request.SubmittedAt)),
    };

    private static JsonObject Details(ProductionRequestRecord r, AttestationRecord a)
    {
        var json = Summary(r);
        json["developer_email"] = r.DeveloperEmail;
        json["description"] = r.Description;
        json["purpose"] = r.Purpose;
        json["customers"] = r.Customers;
        json["consumer_cost"] = r.ConsumerCost;
        json["terms_of_service_uri"] = r.TermsOfServiceUri;
        json["privacy_policy_uri"] = r.PrivacyPolicyUri;
        json["support_email"] = r.SupportEmail;
        json["security_contact"] = r.SecurityContact;
        json["test_instance"] = r.TestInstance;
        json["share_with_customers"] = r.ShareWithCustomers;
        json["plans"] = r.AllPlans ? "all" : r.PlanNames;
        json["attestation"] = new JsonObject
        {
            ["answered_at"] = Time(DateTimeOffset.FromUnixTimeSeconds(a.AnsweredAt)),
            ["answers"] = new JsonArray([.. a.Answers.Select(x => JsonValue.Create(x))]),
            ["certificate_attached"] = a.HasCertificate,
        };
        json["decided_at"] = r.DecidedAt is { } at ? Time(DateTimeOffset.FromUnixTimeSeconds(at)) : null;
        json["decided_by"] = r.DecidedBy;
        json["reason"] = r.DecisionReason;
        return json;
    }

    private static async Task<IResult> DecideAsync(HttpContext context, string requestId, bool approve, ProductionRequests requests, CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "send {\"reason\": \"...\"} as application/json");
        }

        string? reason;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            reason = Reason(body?["reason"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "the body is not a JSON object");
        }

        if (reason is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"a reason is required (at most {MaxReasonLength} characters)"] });
        }

        var outcome = requestId.Length <= 64 ? await requests.DecideAsync(requestId, approve, StaffApiFilter.Actor(context), reason, cancellationToken) : DecisionOutcome.NotFound;
        if (!outcome.Done)
        {
            return Results.Problem(statusCode: outcome.Status, title: Member.Localization.MemberText.For(Member.Localization.MemberText.English)[outcome.ProblemKey!]);
        }

        var decided = (await requests.FindAsync(requestId, cancellationToken))!.Value;
        return Results.Json(Details(decided.Request, decided.Attestation));
    }

    private static string? Time(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture);
}
