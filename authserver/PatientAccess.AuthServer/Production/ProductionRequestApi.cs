using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Developer.Logos;
using PatientAccess.AuthServer.Member.Localization;

namespace PatientAccess.AuthServer.Production;

/// <summary>
/// The request form as JSON: <c>POST /api/developer/clients/{client_id}/production</c> with the
/// form's field names as properties (<c>logo</c> and <c>certificate</c> base64), and <c>GET</c>
/// for where the newest request stands. Only <c>application/json</c> is read, so a cross-site page
/// cannot post it with a developer's cookie (that needs a CORS preflight, which is never granted).
/// Errors are JSON problems; field problems under <c>errors</c>, in the Accept-Language or the site language.
/// </summary>
internal static class ProductionRequestApi
{
    private static readonly string[] TextFields =
        ["company", "description", "purpose", "customers", "consumer_cost", "terms_of_service_uri", "privacy_policy_uri",
         "support_email", "security_contact", "test_instance", "share_with_customers", "plans", "plan_names"];

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/developer/clients/{clientId}/production");
        group.MapGet("/", async (string clientId, HttpContext context, IClientOwnership ownership, ProductionRequests requests, CancellationToken cancellationToken) =>
        {
            if (await ownership.OwnerEmailAsync(context, clientId, cancellationToken) is null)
            {
                return NotYours();
            }

            var latest = await requests.LatestForClientAsync(clientId, cancellationToken);
            return latest is null ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "no production request for this client yet") : Results.Json(Describe(latest));
        });
        group.MapPost("/", async (string clientId, HttpContext context, IClientOwnership ownership, ClientRegistry clients, ProductionRequests requests,
            IOptions<ProductionOptions> options, LogoStore logos, CancellationToken cancellationToken) =>
        {
            if (!context.Request.HasJsonContentType())
            {
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "send the request as application/json");
            }

            var email = await ownership.OwnerEmailAsync(context, clientId, cancellationToken);
            var client = email is null ? null : await clients.FindAsync(clientId, cancellationToken);
            if (client is null)
            {
                return NotYours();
            }

            var t = LanguageSelector.Resolve(context);
            var (submission, problem) = await ReadAsync(context, options.Value, cancellationToken);
            if (submission is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "the body is not a JSON object of the request's fields", detail: problem);
            }

            var errors = SubmissionCheck.Check(submission, t, options.Value, await CurrentLogoAsync(logos, clientId, cancellationToken));
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    title: t["production.api.invalid"]);
            }

            var outcome = await requests.SubmitAsync(client, email!, t.Language, submission, cancellationToken);
            return outcome.RequestId is null
                ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: t[outcome.ProblemKey!])
                : Results.Json(Describe((await requests.LatestForClientAsync(clientId, cancellationToken))!), statusCode: StatusCodes.Status201Created);
        });
    }

    private static IResult NotYours() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "no such client in your developer account");

    private static async Task<(ProductionSubmission?, string?)> ReadAsync(HttpContext context, ProductionOptions options, CancellationToken cancellationToken)
    {
        // Base64 makes files a third larger; anything beyond is refused before parsing.
        var limit = ((long)options.MaxLogoBytes + options.MaxCertificateBytes) * 4 / 3 + 128 * 1024;
        if (context.Request.ContentLength > limit)
        {
            return (null, "the body is larger than the logo and certificate limits allow");
        }

        JsonObject body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, cancellationToken);
            if (buffer.Length > limit)
            {
                return (null, "the body is larger than the logo and certificate limits allow");
            }

            body = JsonNode.Parse(buffer.ToArray()) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return (null, "the body is not valid JSON");
        }

        string? Text(string name) => body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        byte[]? FileBytes(string name)
        {
            var text = Text(name);
            var bytes = new byte[((text?.Length ?? 0) * 3 / 4) + 3];
            return text is null || text.Length == 0 ? null
                : Convert.TryFromBase64String(text, bytes, out var written) ? bytes[..written] : [];
        }

        if (body.Any(p => p.Value is not (null or JsonValue)) || TextFields.Any(f => body[f] is JsonValue v && !v.TryGetValue<string>(out _)))
        {
            return (null, "every property is a string");
        }

        return (new ProductionSubmission
        {
            Company = Text("company"),
            Description = Text("description"),
            Purpose = Text("purpose"),
            Customers = Text("customers"),
            ConsumerCost = Text("consumer_cost"),
            TermsOfServiceUri = Text("terms_of_service_uri"),
            PrivacyPolicyUri = Text("privacy_policy_uri"),
            SupportEmail = Text("support_email"),
            SecurityContact = Text("security_contact"),
            TestInstance = Text("test_instance"),
            ShareWithCustomers = Text("share_with_customers"),
            Plans = Text("plans"),
            PlanNames = Text("plan_names"),
            Answers = [.. Enumerable.Range(1, AttestationRule.Questions).Select(q => Text("q" + q.ToString(CultureInfo.InvariantCulture)))],
            Logo = FileBytes("logo"),
            Certificate = FileBytes("certificate"),
        }, null);
    }

    private static JsonObject Describe(ProductionRequestRecord request) => new()
    {
        ["request_id"] = request.RequestId,
        ["client_id"] = request.ClientId,
        ["status"] = request.Status.ToString().ToLowerInvariant(),
        ["submitted_at"] = DateTimeOffset.FromUnixTimeSeconds(request.SubmittedAt).ToString("O", CultureInfo.InvariantCulture),
        ["decided_at"] = request.DecidedAt is { } at ? DateTimeOffset.FromUnixTimeSeconds(at).ToString("O", CultureInfo.InvariantCulture) : null,
        ["reason"] = request.DecisionReason,
    };

    /// <summary>The size of the logo the client already has in the portal (reused when none is uploaded), or null.</summary>
    private static async Task<(int Width, int Height)?> CurrentLogoAsync(LogoStore logos, string clientId, CancellationToken cancellationToken) =>
        await logos.FindAsync(clientId, cancellationToken) is { } logo ? (logo.Width, logo.Height) : null;
}
