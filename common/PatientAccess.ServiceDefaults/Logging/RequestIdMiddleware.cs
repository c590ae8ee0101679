using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.ServiceDefaults.Logging;

/// <summary>
/// Gives every request one id, used as <see cref="HttpContext.TraceIdentifier"/>, echoed
/// in <c>X-Request-Id</c> and present in every log line written while it runs.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, IOptions<ServiceOptions> options, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 128;

    // A caller-supplied id ends up in logs and audit events, so only a plain token is kept.
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    private readonly bool _trustIncoming = options.Value.TrustIncomingRequestId;

    public async Task InvokeAsync(HttpContext context)
    {
        var id = IncomingId(context) ?? NewId();
        context.TraceIdentifier = id;
        // Set as the response starts, replacing any copy a proxied upstream sent along.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        // ASP.NET Core's own scope carries Kestrel's connection-level id under the same
        // name; ours, the one in X-Request-Id and audit events, comes later in Scopes.
        using (logger.BeginScope("RequestId:{RequestId}", id))
        {
            await next(context);
        }
    }

    private string? IncomingId(HttpContext context)
    {
        if (!_trustIncoming)
        {
            return null;
        }

        var values = context.Request.Headers[HeaderName];
        if (values.Count != 1)
        {
            return null;
        }

        var value = values[0];
        return IsAcceptable(value) ? value : null;
    }

    internal static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && !value.AsSpan().ContainsAnyExcept(Allowed);

    // Not the W3C trace id: a caller's traceparent would make that shared across requests.
    private static string NewId() => RandomIds.NewVersion4().ToString("N");
}
