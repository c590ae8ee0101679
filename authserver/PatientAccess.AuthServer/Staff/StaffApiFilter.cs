namespace PatientAccess.AuthServer.Staff;

/// <summary>
/// Admits <c>/api/staff</c> calls carrying <c>Authorization: Bearer {staff key}</c>, and nothing
/// else: the staff session cookie is for the pages only (an API that honoured an ambient cookie
/// would be a cross-site request target). Anything else is 401 with a JSON problem.
/// </summary>
internal sealed class StaffApiFilter(StaffKeys keys) : IEndpointFilter
{
    private const string ActorItem = "pa.staff.actor";

    public static StaffActor Actor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ActorItem] as StaffActor ?? throw new InvalidOperationException("no staff actor on this request");
    }

    public static void SetActor(HttpContext context, StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ActorItem] = actor;
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (keys.FromHeader(http) is { } actor)
        {
            SetActor(http, actor);
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"patientaccess-staff\"";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "staff key required",
            detail: "send Authorization: Bearer with a staff key (.data/secrets/staff.key); no other credential is accepted here");
    }
}
