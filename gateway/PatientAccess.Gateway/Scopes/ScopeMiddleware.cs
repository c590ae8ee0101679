using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Pipeline;

namespace PatientAccess.Gateway.Scopes;

/// <summary>
/// Step 5: the token's scopes must allow the resource type and interaction (403), and a read of
/// a Patient outside the member's compartment answers 404, exactly as the store answers a
/// resource that does not exist, so ids of other members cannot be probed. Everything else in
/// the compartment (searches, reads of other types, includes) the store enforces from the member
/// context this step fills in: <c>patient/</c> scopes see the token's patient; <c>user/</c> scopes
/// the members the grant covers, which today is also the token's patient. This step judges only
/// the path's type; the types the scopes allow travel in the context too (<see cref="ScopeSet.ReadTypes"/>,
/// <see cref="ScopeSet.SearchTypes"/>), and the store bounds matches, includes and chains by them.
/// </summary>
internal sealed class ScopeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = GatewayRequest.Of(context);
        if (request.IsPublic || request.Token is not { } token || request.Target is not { } target)
        {
            return next(context);
        }

        if (target.ResourceType is null)
        {
            return OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status404NotFound, "not-found", RefusalReasons.Route,
                $"no FHIR interaction at {target.RouteTemplate}");
        }

        var search = target.Interaction == FhirInteraction.Search;
        if (!token.Grants.Allows(target.ResourceType, search))
        {
            return OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status403Forbidden, "forbidden", RefusalReasons.Scope,
                $"the access token's scopes do not allow {(search ? "searching" : "reading")} {target.ResourceType}");
        }

        request.PatientIds = token.Patient is null ? [] : [token.Patient];
        if (target.ResourceType == "Patient" && target.Id is { } id && !request.PatientIds.Contains(id, StringComparer.Ordinal))
        {
            return OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status404NotFound, "not-found", RefusalReasons.Compartment,
                $"Patient/{id} is not known");
        }

        return next(context);
    }
}
