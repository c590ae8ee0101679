using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Authorize;

/// <summary>The authorization endpoint (RFC 6749 §3.1), by GET and by form POST (SMART <c>authorize-post</c>), and the plan's documented test flow (<see cref="TestFlow"/>).</summary>
internal static class AuthorizeApi
{
    public static RouteGroupBuilder MapAuthorizeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/oauth2");
        group.MapGet("/authorize", (HttpContext context, AuthorizeRequestHandler handler, CancellationToken cancellationToken) =>
            handler.HandleAsync(context, OAuthParameters.From(context.Request.Query), cancellationToken));
        group.MapGet("/authorize/test", (HttpContext context, TestFlowAuthorizeHandler handler, CancellationToken cancellationToken) =>
            handler.HandleAsync(context, OAuthParameters.From(context.Request.Query), cancellationToken));
        group.MapPost("/authorize", async (HttpContext context, AuthorizeRequestHandler handler, CancellationToken cancellationToken) =>
        {
            var (form, error) = await FormRequest.ReadAsync(context.Request, cancellationToken);
            return form is null
                ? ErrorPage.Show(context, error!.Error, ErrorPage.Malformed, detail: error.Description)
                : await handler.HandleAsync(context, form, cancellationToken);
        });
        return group;
    }
}
