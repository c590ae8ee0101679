using System.Net.Sockets;
using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Observability;
using PatientAccess.Gateway.Pipeline;
using Yarp.ReverseProxy.Forwarder;

namespace PatientAccess.Gateway.Proxy;

/// <summary>
/// Gives YARP's bare 502/503/504 an OperationOutcome body and an audit reason: store unreachable
/// or without a healthy destination is 503, too slow is 504, anything else broken on the way is 502.
/// </summary>
internal sealed class UpstreamErrorMiddleware(RequestDelegate next, GatewayMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.GetForwarderErrorFeature() is not { } error || error.Error == ForwarderError.None
            || error.Error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled)
        {
            return;
        }

        var (status, kind, text) = error.Error switch
        {
            ForwarderError.NoAvailableDestinations => (StatusCodes.Status503ServiceUnavailable, "unavailable", "the FHIR store is unavailable; try again shortly"),
            ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout, "timeout", "the FHIR store did not answer in time"),
            ForwarderError.Request when error.Exception?.InnerException is SocketException or TimeoutException || error.Exception is TaskCanceledException
                => (StatusCodes.Status503ServiceUnavailable, "unavailable", "the FHIR store is unavailable; try again shortly"),
            _ => (StatusCodes.Status502BadGateway, "bad-gateway", "the FHIR store's answer could not be relayed"),
        };
        metrics.UpstreamError(kind);
        var request = GatewayRequest.Of(context);
        request.Reason = RefusalReasons.Upstream + "-" + kind;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        await OperationOutcomeWriter.WriteAsync(context.Response, status, status == StatusCodes.Status504GatewayTimeout ? "timeout" : "transient", text, context.RequestAborted);
    }
}
