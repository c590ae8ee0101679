using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Cors;
using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Pipeline;

namespace PatientAccess.Gateway.Methods;

/// <summary>
/// Step 3: the request's shape. Oversized headers (431) and targets that could be read two
/// ways (400) first, since the FHIR meaning of the path is only trustworthy after that; then
/// the method rule (405, recorded as a write attempt). A browser's CORS preflight is answered
/// here, before the method rule, so it is never taken for a write attempt.
/// </summary>
internal sealed class RequestShapeMiddleware(RequestDelegate next, IOptions<RequestShapeOptions> options, CorsPolicy cors)
{
    private readonly int _maxHeaderBytes = options.Value.MaxHeaderBytes;

    public Task InvokeAsync(HttpContext context)
    {
        var request = GatewayRequest.Of(context);
        if (HeaderBytes(context.Request.Headers) > _maxHeaderBytes)
        {
            request.Target = new FhirTarget(FhirInteraction.Other, null, null, "(refused)", string.Empty);
            return OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "too-long", RefusalReasons.Target,
                $"the request headers are larger than {_maxHeaderBytes} bytes");
        }

        if (RequestTargetRule.Check(RawTarget(context)) is { } badTarget)
        {
            request.Target = new FhirTarget(FhirInteraction.Other, null, null, "(refused)", string.Empty);
            return OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status400BadRequest, "invalid", RefusalReasons.Target, badTarget);
        }

        var target = FhirTarget.Parse(context.Request.Path, context.Request.QueryString);
        request.Target = target;
        request.IsPublic = target.IsPublic;
        if (request.IsPreflight)
        {
            return cors.AnswerPreflightAsync(context, target);
        }

        if (MethodRule.Check(context.Request.Method, target, context.Request.ContentType, n => context.Request.Headers[n]) is { } badMethod)
        {
            context.Response.Headers.Allow = MethodRule.AllowHeader;
            return OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, "not-supported", RefusalReasons.Method, badMethod);
        }

        return next(context);
    }

    /// <summary>
    /// What the audit event records for a request refused before this step (a rate limit): its
    /// FHIR meaning when its target can be read only one way, else "(refused)".
    /// </summary>
    internal static FhirTarget TargetForAudit(HttpContext context) =>
        RequestTargetRule.Check(RawTarget(context)) is null
            ? FhirTarget.Parse(context.Request.Path, context.Request.QueryString)
            : new FhirTarget(FhirInteraction.Other, null, null, "(refused)", string.Empty);

    private static string RawTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return string.IsNullOrEmpty(raw) ? context.Request.PathBase + context.Request.Path + context.Request.QueryString : raw;
    }

    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                total += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        return total;
    }
}
