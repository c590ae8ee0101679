using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Developer.Clients;
using PatientAccess.AuthServer.Developer.Evidence;
using PatientAccess.AuthServer.Developer.Logos;
using PatientAccess.AuthServer.Developer.Pages;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Developer.Api;

/// <summary>
/// The developer's apps as JSON: list, create (201, the secret in that answer only), read, edit
/// (PATCH), rotate the secret, put or delete the logo (raw PNG or JPEG bytes), evidence. An app that
/// is not the caller's is 404 like one that does not exist. Bad input is 400 with RFC 7591's
/// <c>invalid_redirect_uri</c> or <c>invalid_client_metadata</c> and the problem described.
/// </summary>
internal static class ClientApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/clients", async (HttpContext context, [AsParameters] ApiSteps steps, CancellationToken ct) =>
        {
            var (session, failure) = await ApiRequests.DeveloperAsync(context, steps.Sessions, ct);
            if (failure is not null)
            {
                return failure;
            }

            var clients = await steps.Clients.ListAsync(session!.Record.DeveloperId!, ct);
            return OAuthResults.Json200(context, new JsonObject { ["clients"] = new JsonArray([.. clients.Select(c => ClientJson.Describe(c, steps.Server.Value, withGuide: false))]) });
        });
        api.MapPost("/clients", CreateAsync);
        api.MapGet("/clients/{clientId}", (string clientId, HttpContext context, [AsParameters] ApiSteps steps, CancellationToken ct) =>
            WithClientAsync(context, steps, clientId, (_, client) => Task.FromResult(OAuthResults.Json200(context, ClientJson.Describe(client, steps.Server.Value, withGuide: true))), ct));
        api.MapMethods("/clients/{clientId}", ["PATCH"], (string clientId, HttpContext context, [AsParameters] ApiSteps steps, CancellationToken ct) =>
            WithClientAsync(context, steps, clientId, (developerId, client) => EditAsync(context, steps, developerId, client, ct), ct));
        api.MapPost("/clients/{clientId}/secret", (string clientId, HttpContext context, [AsParameters] ApiSteps steps, CancellationToken ct) =>
            WithClientAsync(context, steps, clientId, async (developerId, client) =>
            {
                var secret = await steps.Clients.RotateSecretAsync(developerId, client.ClientId, ct);
                return secret is null
                    ? ApiRequests.Error(context, StatusCodes.Status400BadRequest, "invalid_request", "a public client has no secret")
                    : OAuthResults.Json200(context, new JsonObject { ["client_id"] = client.ClientId, ["client_secret"] = secret });
            }, ct));
        api.MapPut("/clients/{clientId}/logo", (string clientId, HttpContext context, [AsParameters] ApiSteps steps, CancellationToken ct) =>
            WithClientAsync(context, steps, clientId, (_, client) => PutLogoAsync(context, steps, client, ct), ct));
        api.MapDelete("/clients/{clientId}/logo", (string clientId, HttpContext context, [AsParameters] ApiSteps steps, CancellationToken ct) =>
            WithClientAsync(context, steps, clientId, async (_, client) =>
            {
                await steps.Logos.RemoveAsync(client.ClientId, ct);
                await steps.Registry.SetLogoUriAsync(client.ClientId, null, ct);
                return Results.NoContent();
            }, ct));
        api.MapGet("/clients/{clientId}/evidence", (string clientId, HttpContext context, [AsParameters] ApiSteps steps, DemoEvidence evidence, MonitorReads reads, CancellationToken ct) =>
            WithClientAsync(context, steps, clientId, async (_, client) =>
                OAuthResults.Json200(context, ClientJson.Evidence(client.ClientId, await evidence.SummaryAsync(client.ClientId, ct), await reads.ForAsync(client.ClientId, ct))), ct));
    }

    private static async Task<IResult> WithClientAsync(
        HttpContext context, ApiSteps steps, string clientId, Func<string, ClientRecord, Task<IResult>> action, CancellationToken cancellationToken)
    {
        var (session, failure) = await ApiRequests.DeveloperAsync(context, steps.Sessions, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var developerId = session!.Record.DeveloperId!;
        var client = await steps.Clients.FindOwnedAsync(developerId, clientId, cancellationToken);
        return client is null ? ApiRequests.NotFound(context) : await action(developerId, client);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, [AsParameters] ApiSteps steps, CancellationToken cancellationToken)
    {
        var (session, failure) = await ApiRequests.DeveloperAsync(context, steps.Sessions, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var (body, bad) = await ApiRequests.JsonAsync(context, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        var name = ApiRequests.String(body!, "name", out var w1);
        var type = ApiRequests.String(body!, "client_type", out var w2);
        var redirects = ApiRequests.Strings(body!, "redirect_uris", out var w3);
        var website = ApiRequests.String(body!, "website", out var w4);
        if (w1 || w2 || w3 || w4)
        {
            return ApiRequests.Error(context, StatusCodes.Status400BadRequest, "invalid_client_metadata", "name, client_type and website must be strings, redirect_uris an array of strings");
        }

        var input = new ClientInput((name ?? string.Empty).Trim(), ClientInput.ParseType(type), redirects ?? [], website?.Trim());
        if (Problem(context, input, creating: true, steps.Options.Value) is { } problem)
        {
            return problem;
        }

        var developerId = session!.Record.DeveloperId!;
        if (await steps.Clients.AtLimitAsync(developerId, cancellationToken))
        {
            return ApiRequests.Error(context, StatusCodes.Status409Conflict, "too_many_clients", $"a developer may register {steps.Options.Value.MaxClientsPerDeveloper} apps");
        }

        var (clientId, secret) = await steps.Clients.CreateAsync(developerId, input, cancellationToken);
        var client = (await steps.Registry.FindAsync(clientId, cancellationToken))!;
        var answer = ClientJson.Describe(client, steps.Server.Value, withGuide: true);
        if (secret is not null)
        {
            answer["client_secret"] = secret;
        }

        OAuthResults.NoStore(context);
        context.Response.Headers.Location = "/api/developer/clients/" + Uri.EscapeDataString(clientId);
        return Results.Text(answer.ToJsonString(), "application/json; charset=utf-8", statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> EditAsync(HttpContext context, ApiSteps steps, string developerId, ClientRecord client, CancellationToken cancellationToken)
    {
        var (body, bad) = await ApiRequests.JsonAsync(context, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        var name = ApiRequests.String(body!, "name", out var w1);
        var redirects = ApiRequests.Strings(body!, "redirect_uris", out var w2);
        var website = ApiRequests.String(body!, "website", out var w3);
        if (w1 || w2 || w3 || body!.ContainsKey("client_type"))
        {
            return ApiRequests.Error(context, StatusCodes.Status400BadRequest, "invalid_client_metadata",
                "name and website must be strings, redirect_uris an array of strings; client_type cannot change");
        }

        // Members left out keep their value; "website": "" clears it.
        var input = new ClientInput((name ?? client.Name).Trim(), client.Type, redirects ?? client.RedirectUris, body.ContainsKey("website") ? website?.Trim() : client.Website);
        if (Problem(context, input, creating: false, steps.Options.Value) is { } problem)
        {
            return problem;
        }

        await steps.Clients.UpdateAsync(developerId, client.ClientId, input, cancellationToken);
        return OAuthResults.Json200(context, ClientJson.Describe((await steps.Registry.FindAsync(client.ClientId, cancellationToken))!, steps.Server.Value, withGuide: false));
    }

    private static async Task<IResult> PutLogoAsync(HttpContext context, ApiSteps steps, ClientRecord client, CancellationToken cancellationToken)
    {
        var options = steps.Options.Value;
        var english = MemberText.For(MemberText.English);
        if (context.Request.ContentLength > options.MaxLogoBytes)
        {
            return ApiRequests.Error(context, StatusCodes.Status413PayloadTooLarge, "invalid_client_metadata", ClientFormPages.LogoMessage(english, LogoProblem.TooLarge, options));
        }

        var buffer = new byte[options.MaxLogoBytes + 1];
        var read = await context.Request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var check = LogoImage.Inspect(buffer.AsSpan(0, read), options.MaxLogoBytes, options.MinLogoPixels, options.MaxLogoPixels);
        if (!check.IsValid)
        {
            var status = check.Problem == LogoProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return ApiRequests.Error(context, status, "invalid_client_metadata", ClientFormPages.LogoMessage(english, check.Problem, options));
        }

        var uri = await steps.Logos.SaveAsync(client.ClientId, buffer[..read], check, cancellationToken);
        await steps.Registry.SetLogoUriAsync(client.ClientId, uri, cancellationToken);
        return OAuthResults.Json200(context, new JsonObject
        {
            ["client_id"] = client.ClientId,
            ["logo_uri"] = uri,
            ["content_type"] = check.ContentType,
            ["width"] = check.Width,
            ["height"] = check.Height,
        });
    }

    private static IResult? Problem(HttpContext context, ClientInput input, bool creating, DeveloperPortalOptions options)
    {
        var problems = input.Problems(creating, options);
        var problem = problems.Count > 0 ? problems[0] : null;
        if (problem is null)
        {
            return null;
        }

        var english = MemberText.For(MemberText.English);
        var error = problem.Field == "redirect_uris" ? "invalid_redirect_uri" : "invalid_client_metadata";
        return ApiRequests.Error(context, StatusCodes.Status400BadRequest, error, problem.Field + ": " + ClientFormPages.Message(english, problem, options));
    }
}
