using System.Text.Json;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Admin;

/// <summary>
/// The reason every admin action must give: <c>{"reason": "..."}</c> as JSON, or a <c>reason</c>
/// form field; 1 to <see cref="MaxLength"/> characters after trimming, no control characters
/// but line breaks. It is recorded with the action and put on the audit stream, never logged.
/// </summary>
internal static class AdminReason
{
    public const int MaxLength = 500;

    /// <summary>The reason, or the RFC 6749 error answer (400 invalid_request) saying what is wrong.</summary>
    public static async Task<(string? Reason, IResult? Problem)> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? text;
        if (context.Request.HasJsonContentType())
        {
            try
            {
                var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
                text = body is JsonObject o && o["reason"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            }
            catch (JsonException)
            {
                return (null, OAuthResults.Error(context, OAuthError.InvalidRequest("the body is not JSON; send {\"reason\": \"...\"}")));
            }
        }
        else if (context.Request.HasFormContentType)
        {
            try
            {
                var form = await context.Request.ReadFormAsync(cancellationToken);
                text = form["reason"].Count == 1 ? form["reason"][0] : null;
            }
            catch (InvalidDataException)
            {
                return (null, OAuthResults.Error(context, OAuthError.InvalidRequest("the form body cannot be read")));
            }
        }
        else
        {
            text = null;
        }

        return Check(text) is { } problem
            ? (null, OAuthResults.Error(context, OAuthError.InvalidRequest(problem)))
            : (text!.Trim(), null);
    }

    /// <summary>What is wrong with a reason, or null when it is acceptable.</summary>
    public static string? Check(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "reason is required: say why (JSON {\"reason\": \"...\"} or a reason form field)"
        : text.Trim().Length > MaxLength ? $"reason must be at most {MaxLength} characters"
        : text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? "reason must not contain control characters"
        : null;
}
