using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Admin;

namespace PatientAccess.AuthServer.Enforcement;

/// <summary>The body of <c>POST /admin/clients/{id}/enforcement</c>, checked field by field.</summary>
internal sealed record EnforcementRequest(string ActionId, string Action, string Actor, string Reason, string? Detector, string Evidence)
{
    public const int MaxEvidenceLength = 4000;
    public const int MaxActorNameLength = 100;

    /// <summary>The request, or what is wrong with the body (for a 400 invalid_request).</summary>
    public static async Task<(EnforcementRequest? Request, string? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, "send the action as application/json");
        }

        JsonObject body;
        try
        {
            if (await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) is not JsonObject parsed)
            {
                return (null, "the body must be a JSON object");
            }

            body = parsed;
        }
        catch (JsonException)
        {
            return (null, "the body is not JSON");
        }

        if (!TryText(body, "action_id", out var actionText) || !Guid.TryParse(actionText, out var actionId))
        {
            return (null, "action_id must be a UUID (the idempotency key of this action)");
        }

        if (!TryText(body, "action", out var action) || !EnforcementSteps.Actions.Contains(action))
        {
            return (null, "action must be suspend, revoke or reinstate");
        }

        if (!TryText(body, "actor", out var actor) || !IsActor(actor))
        {
            return (null, $"actor must be monitor or staff:<name> (name up to {MaxActorNameLength} characters)");
        }

        if (!TryText(body, "reason", out var reason) || AdminReason.Check(reason) is not null)
        {
            return (null, $"reason is required (1 to {AdminReason.MaxLength} characters)");
        }

        string? detector = null;
        if (body["detector"] is not null && (!TryText(body, "detector", out detector) || !EnforcementSteps.Detectors.Contains(detector)))
        {
            return (null, "detector must be null or one of " + string.Join(", ", EnforcementSteps.Detectors));
        }

        string? evidence = null;
        if (body["evidence"] is not null && (!TryText(body, "evidence", out evidence) || evidence.Length > MaxEvidenceLength))
        {
            return (null, $"evidence must be text of at most {MaxEvidenceLength} characters");
        }

        return (new EnforcementRequest(actionId.ToString("D"), action, actor, reason.Trim(), detector, evidence ?? string.Empty), null);
    }

    /// <summary>The field as a string; false when it is missing or not a string.</summary>
    private static bool TryText(JsonObject body, string name, [NotNullWhen(true)] out string? value)
    {
        value = body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return value is not null;
    }

    private static bool IsActor(string actor) =>
        actor == "monitor"
        || (actor.StartsWith("staff:", StringComparison.Ordinal) && actor.Length - 6 is > 0 and <= MaxActorNameLength
            && !string.IsNullOrWhiteSpace(actor[6..]) && !actor.Any(char.IsControl));
}
