using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Pipeline;
using PatientAccess.MemberContext;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace PatientAccess.Gateway.Proxy;

/// <summary>
/// Signs the member context for exactly the request YARP is about to send: the destination URI is
/// fixed here (rather than left to YARP after the transforms) so the MAC covers the very method
/// and target the store will see.
/// </summary>
internal sealed class MemberContextTransform : RequestTransform
{
    private const string RequestIdHeader = "X-Request-Id";
    private static readonly string[] TraceHeaders = ["traceparent", "tracestate", "baggage", "Correlation-Context", "Request-Id"];

    private readonly MemberContextCodec _codec;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public MemberContextTransform(IOptions<MemberContextOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _codec = new MemberContextCodec(options.Value.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => MemberContextOptions.Decode(k)!));
        _lifetime = TimeSpan.FromSeconds(options.Value.LifetimeSeconds);
        _time = time;
    }

    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.ProxyRequest.Headers;
        // Never let the app's own copy or its token reach the store.
        headers.Remove(MemberContextCodec.HeaderName);
        headers.Remove("Authorization");
        headers.Remove("Forwarded");
        // The gateway's id for this request (the one in its audit event and X-Request-Id answer), so
        // the store's log lines can be matched to it; an app's own X-Request-Id never reaches the store.
        headers.Remove(RequestIdHeader);
        headers.TryAddWithoutValidation(RequestIdHeader, context.HttpContext.TraceIdentifier);
        // An app's trace context stays outside too: the plan's services do not join third parties' traces.
        foreach (var name in TraceHeaders)
        {
            headers.Remove(name);
        }

        var request = GatewayRequest.Of(context.HttpContext);
        if (request.Token is not { } token)
        {
            // Public documents answered by the gateway never get here; anything else goes unsigned and the store refuses it.
            return ValueTask.CompletedTask;
        }

        var uri = RequestUtilities.MakeDestinationAddress(context.DestinationPrefix, context.Path, context.Query.QueryString);
        context.ProxyRequest.RequestUri = uri;
        // The token's allowed types travel with the context: the store bounds matches, includes and
        // chains by them (the scope step can only judge the path's type).
        var member = new MemberContext.MemberContext(request.PatientIds, token.SensitiveCategories,
            token.Grants.ReadTypes, token.Grants.SearchTypes, token.ClientId, _time.GetUtcNow() + _lifetime);
        headers.TryAddWithoutValidation(MemberContextCodec.HeaderName, _codec.Sign(member, context.HttpContext.Request.Method, uri.PathAndQuery));
        return ValueTask.CompletedTask;
    }
}
