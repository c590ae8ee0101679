using PatientAccess.Gateway.Pipeline;
using Yarp.ReverseProxy.Transforms;

namespace PatientAccess.Gateway.Proxy;

/// <summary>
/// When the store declares the body's length, the audit takes that length and YARP copies the body
/// straight to Kestrel instead of through the counting wrapper (see <see cref="Audit.ResponseBytes"/>).
/// </summary>
internal sealed class DeclaredLengthTransform : ResponseTransform
{
    public override ValueTask ApplyAsync(ResponseTransformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ProxyResponse?.Content.Headers.ContentLength is { } length)
        {
            GatewayRequest.Of(context.HttpContext).ResponseBytes?.UseDeclaredLength(length);
        }

        return ValueTask.CompletedTask;
    }
}
